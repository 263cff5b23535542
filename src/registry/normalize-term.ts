import slugify from "@sindresorhus/slugify";
import { cached } from "../cached.ts";
import { isSafeSlug } from "../urls.ts";

/**
 * Tidies a name as written for display: Unicode NFC, every run of whitespace
 * (no-break and thin spaces included) folded to one space, trimmed.
 */
export function cleanTermName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The URL slug, which is also the identity of a term: names that differ only by case,
 * spacing, Unicode form or script meet on one page (`Москвич` and `Moskvich` → `moskvich`).
 * Scripts the transliterator does not know (`奇瑞`) get a stable code-point slug
 * (`u-5947-745e`); a name with no letter or digit at all has no slug (`undefined`).
 */
export function termSlug(name: string): string | undefined {
  // A name that is already a slug, as most file names are, is its own: slugify would give
  // it back unchanged, after transliterating it letter by letter.
  return isSafeSlug(name) ? name : slugOfName(name);
}

// Cached: the same few thousand names recur across every article and source, and
// transliterating each one again costs far more than a lookup.
const slugOfName = cached(function slugOfName(name: string): string | undefined {
  const cleaned = cleanTermName(name);
  // Without `decamelize: false`, `AvtoVAZ` would become `avto-vaz` but `AVTOVAZ` `avtovaz`.
  const slug = slugify(cleaned, { decamelize: false });
  if (slug !== "" && LETTER_OR_DIGIT.test(cleaned)) return slug;
  const meaningful = [...cleaned].filter((character) => LETTER_OR_DIGIT.test(character));
  if (meaningful.length === 0) return undefined;
  return `u-${meaningful.map((character) => character.codePointAt(0)?.toString(16)).join("-")}`;
});

/** Turns any text into a safe slug for a file or article (`Chery starts assembly!` → `chery-starts-assembly`). */
export function slugifyText(text: string): string {
  return termSlug(text) ?? "";
}
