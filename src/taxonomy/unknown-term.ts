import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../suggest.ts";
import type { TermKind } from "../urls.ts";
import { termSlug } from "./normalize-term.ts";

export const REGISTRY_FILE: Record<TermKind, string> = {
  company: "content/registry/companies.yaml",
  model: "content/registry/models.yaml",
  partner: "content/registry/partners.yaml",
};

/**
 * The known name an unknown one is most likely a typo of. Names are compared by slug, so
 * case, spacing and script do not count as differences: "Cherry" and "Чери" both find "Chery".
 */
export function likelyMeant(written: string, knownNames: Iterable<string>): string | undefined {
  return closestMatch(written, knownNames, (name) => termSlug(name) ?? name.toLowerCase());
}

/** `unknown company "Cherry" — did you mean "Chery"?`, the same wherever it is found. */
export function unknownTermDiagnostic(
  kind: TermKind,
  written: string,
  suggestion: string,
  where: { file: string } & Place,
): Diagnostic {
  return {
    ...where,
    severity: "error",
    ruleId: `unknown-${kind}`,
    message: `unknown ${kind} "${written}" — did you mean "${suggestion}"?`,
    fix: `write "${suggestion}", or add "${written}" to ${REGISTRY_FILE[kind]} if it is another ${kind}`,
  };
}
