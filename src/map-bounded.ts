/**
 * Runs `work` on every item with at most `limit` calls pending at once, and resolves to the
 * results in the items' order. Reading thousands of files at once would hold all of them
 * in memory together; a few at a time keeps the disk busy and memory flat.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
