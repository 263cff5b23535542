import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { typingDistance } from "../suggest.ts";
import type { TermKind } from "../urls.ts";
import { termSlug } from "./normalize-term.ts";

export const REGISTRY_FILE: Record<TermKind, string> = {
  company: "content/registry/companies.yaml",
  model: "content/registry/models.yaml",
  partner: "content/registry/partners.yaml",
};

/**
 * What a name near a known one is taken for, by the kind of name. For an `"entity"`
 * (company, model, partner) a slip inside a word is a typo, refused until corrected or
 * registered. Different people are often one letter apart (Ivanov, Ivanova), so for a
 * `"person"` a near name is only pointed out.
 */
export type NamePolicy = "entity" | "person";

const NEAR_NAME_SEVERITY: Record<NamePolicy, Diagnostic["severity"]> = {
  entity: "error",
  person: "warning",
};

export const NAME_POLICY: Record<TermKind, NamePolicy> = {
  company: "entity",
  model: "entity",
  partner: "entity",
};

/** The known name a name was likely meant to be, and how firmly to say so. */
export interface LikelyMeant {
  name: string;
  severity: Diagnostic["severity"];
}

/**
 * The known name an unknown one is most likely a typo of: the one it is fewest slips from
 * (see `slipsBetween`), the first of equals. Names that are the same by slug are not typos.
 */
export function likelyMeant(
  written: string,
  knownNames: Iterable<string>,
  policy: NamePolicy,
): LikelyMeant | undefined {
  const wanted = wordsOf(written);
  let best: LikelyMeant | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const known of knownNames) {
    const slips = slipsBetween(wanted, wordsOf(known));
    if (slips !== undefined && slips < fewest) {
      best = { name: known, severity: NEAR_NAME_SEVERITY[policy] };
      fewest = slips;
    }
  }
  return best;
}

/** A name's words as its slug has them: "Tiggo 8 Pro Max", "tiggo 8-pro MAX" → tiggo, 8, pro, max. */
function wordsOf(name: string): string[] {
  return (termSlug(name) ?? name.toLowerCase()).split("-");
}

/**
 * How many slips turn one name into the other, when one is likely a typo of the other;
 * `undefined` when they are different names. In this market names differ by a word or a code
 * (Tiggo 8 Pro, Tiggo 8 Pro Max; Exeed TXL, Exeed LX; Omoda C5, Omoda S5), so a typo is:
 * - the same letters with a space or hyphen more or less (Cool Ray, Coolray), or
 * - the same words but one, a long word with a slip or two in it (Cherry, Chery; Hvaal, Haval).
 */
function slipsBetween(written: readonly string[], known: readonly string[]): number | undefined {
  if (written.join("") === known.join("")) return written.length === known.length ? undefined : 1;
  if (written.length !== known.length) return undefined;
  const differing = written.flatMap((word, i) => (word === known[i] ? [] : [i]));
  const [only] = differing;
  if (only === undefined || differing.length > 1) return undefined;
  return slipsInWord(written[only] ?? "", known[only] ?? "");
}

/**
 * The slips between two words, if one can be a typo of the other. Codes are never typos:
 * a word with a digit (CS35, X70, 8) or of three letters or fewer (LX, TXL, UAZ, Pro) names
 * another model or firm. Nor is a word with another first letter in the same length
 * (Kaptur, Captur), unless its first two letters are swapped. Of two words the longer of
 * which has five letters or more, one may hold one slip; with nine or more, two (Volksvagn).
 */
function slipsInWord(written: string, known: string): number | undefined {
  if (isCode(written) || isCode(known)) return undefined;
  const a = [...written];
  const b = [...known];
  const longer = Math.max(a.length, b.length);
  if (longer < SHORTEST_TYPO_PRONE_WORD) return undefined;
  const swappedStart = a[0] === b[1] && a[1] === b[0];
  if (a.length === b.length && a[0] !== b[0] && !swappedStart) return undefined;
  // A doubled letter put on its neighbour is one slip (Arizzo, Arrizo), however far it moves.
  const slips = squeezed(written) === squeezed(known) ? 1 : typingDistance(written, known);
  return slips <= (longer >= LONG_WORD ? 2 : 1) ? slips : undefined;
}

/** A word with each run of one letter written once: "arrizo" → "arizo". */
function squeezed(word: string): string {
  return word.replace(/(.)\1+/gu, "$1");
}

/** Two words of four letters one letter apart are as often two names as a typo (Lada, Lida). */
const SHORTEST_TYPO_PRONE_WORD = 5;
const LONG_WORD = 9;

function isCode(word: string): boolean {
  return /\p{N}/u.test(word) || [...word].length <= 3;
}

/** `unknown company "Cherry" — did you mean "Chery"?`, the same wherever it is found. */
export function unknownTermDiagnostic(
  kind: TermKind,
  written: string,
  suggestion: LikelyMeant,
  where: { file: string } & Place,
): Diagnostic {
  return {
    ...where,
    severity: suggestion.severity,
    ruleId: `unknown-${kind}`,
    message: `unknown ${kind} "${written}" — did you mean "${suggestion.name}"?`,
    fix: `write "${suggestion.name}", or add "${written}" to ${REGISTRY_FILE[kind]} if it is another ${kind}`,
  };
}
