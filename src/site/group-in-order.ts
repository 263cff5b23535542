/** Items sharing a key, in the order the first of them came. */
export interface Run<T> {
  key: string;
  items: T[];
}

/**
 * Groups items by key, keeping the order of first appearance. Items of one key need not
 * be adjacent, though for lists sorted by date they are.
 */
export function groupInOrder<T>(items: readonly T[], keyOf: (item: T) => string): Run<T>[] {
  const runs = new Map<string, Run<T>>();
  for (const item of items) {
    const key = keyOf(item);
    let run = runs.get(key);
    if (!run) {
      run = { key, items: [] };
      runs.set(key, run);
    }
    run.items.push(item);
  }
  return [...runs.values()];
}
