/**
 * How many typing slips turn one word into another: a letter inserted, left out or
 * replaced, or two neighbouring letters swapped, each counting 1 ("compnay" → "company"
 * is one slip). This is the optimal string alignment form of the Damerau–Levenshtein
 * distance, counted in Unicode characters.
 */
export function typingDistance(from: string, to: string): number {
  const a = [...from];
  const b = [...to];
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replaced = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, replaced);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo:
 * at most a third of the longer word's letters differ (so "Cherry" finds "Chery",
 * "compnay" finds "company", and "Lada" finds nothing in ["Chery"]). Fit for field names;
 * names of companies, models and partners follow their own rule (`likelyMeant`).
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
    const d = typingDistance(wanted, normalized);
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, normalized.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
