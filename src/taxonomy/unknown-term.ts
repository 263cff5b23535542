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
 * Very short names and names with other numbers are never suggested.
 */
export function likelyMeant(written: string, knownNames: Iterable<string>): string | undefined {
  const comparable = (name: string) => termSlug(name) ?? name.toLowerCase();
  if (comparable(written).replaceAll("-", "").length <= SHORTEST_TYPO_PRONE_NAME) return undefined;
  const digits = digitsOf(written);
  const sameDigits = [...knownNames].filter((name) => digitsOf(name) === digits);
  return closestMatch(written, sameDigits, comparable);
}

/**
 * Short names one letter apart are usually different firms (GAZ, UAZ, VAZ; BAW, BMW), so
 * names this short are never taken for typos.
 */
const SHORTEST_TYPO_PRONE_NAME = 4;

/** Models that differ in a number are different models (Tiggo 4 Pro, Tiggo 7 Pro). */
function digitsOf(name: string): string {
  return name.replace(/\D+/gu, " ").trim();
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
