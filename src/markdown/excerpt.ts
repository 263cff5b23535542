/** Longest excerpt shown in lists, in characters. */
export const EXCERPT_LENGTH = 220;

/**
 * Shortens text to at most `maxLength` characters at a word boundary, with an ellipsis
 * when anything was cut: summaries in lists stay one glance long.
 */
export function excerpt(text: string, maxLength = EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const atWord = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
