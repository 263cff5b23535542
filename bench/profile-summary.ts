import { readFileSync } from "node:fs";
import path from "node:path";

/** The parts of a V8 `.cpuprofile` (from `node --cpu-prof`) that self time needs. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  ms: number;
}

/** `node_modules/<package>` for dependencies, the project file otherwise. */
function ownerOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1] as string;
  if (url.startsWith("node:") || url === "") return url === "" ? "(native, GC, idle)" : "node";
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

function top(totals: Map<string, number>, count: number): Row[] {
  return [...totals]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** Self time per function and per package or file, heaviest first. */
export function summarizeProfile(profile: CpuProfile, count = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byId.get(id);
    if (!frame) return;
    total += ms;
    const where = frame.url ? `${ownerOf(frame.url)}:${frame.lineNumber + 1}` : "";
    const name = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + ms);
    owners.set(ownerOf(frame.url), (owners.get(ownerOf(frame.url)) ?? 0) + ms);
  });
  return { totalMs: total, functions: top(functions, count), owners: top(owners, count) };
}

function printRows(title: string, rows: Row[], totalMs: number): void {
  console.log(`\n${title}\n| self time | share | where |\n| --- | --- | --- |`);
  for (const row of rows) {
    const share = ((100 * row.ms) / totalMs).toFixed(1);
    console.log(`| ${(row.ms / 1000).toFixed(1)} s | ${share} % | \`${row.name}\` |`);
  }
}

// `tsx bench/profile-summary.ts <file.cpuprofile>`: prints the two tables for docs/performance.md.
if (process.argv[1] === import.meta.filename) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile>");
  const summary = summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  console.log(`sampled: ${(summary.totalMs / 1000).toFixed(1)} s`);
  printRows("By package or file", summary.owners, summary.totalMs);
  printRows("By function", summary.functions, summary.totalMs);
}
