import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo:
 * at most a third of the longer word's letters differ (so "Cherry" finds "Chery",
 * "compnay" finds "company", and "Lada" finds nothing in ["Chery"]).
 */
export function closestMatch(
  input: string,
  candidates: Iterable<string>,
  normalize: (value: string) => string = (value) => value.toLowerCase(),
): string | undefined {
  const wanted = normalize(input);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const normalized = normalize(candidate);
    if (normalized === wanted) continue;
    const d = distance(wanted, normalized);
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, normalized.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
