import { readdirSync, readFileSync } from "node:fs";

const PAGE_SIZE = 4096;

interface ProcessEntry {
  parent: number;
  rssBytes: number;
}

/** Every process's parent and resident memory, read from `/proc/<pid>/stat`. */
function processTable(): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(name), {
        parent: Number(fields[1]),
        rssBytes: Number(fields[21]) * PAGE_SIZE,
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** The summed resident memory of `root` and all its descendants right now. */
export function treeRssBytes(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, entry] of table) {
    children.set(entry.parent, [...(children.get(entry.parent) ?? []), pid]);
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += table.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples the process tree's memory until stopped. `/usr/bin/time` reports only the largest
 * single process, while a build is several (tsx's loader parent, node, Pagefind's binary).
 */
export function sampleTreeRss(root: number, intervalMs = 100): () => number {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssBytes(root));
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return () => {
    clearInterval(timer);
    return peak;
  };
}
