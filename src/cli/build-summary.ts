import type { BuildResult } from "../build/build-site.ts";

/** The one line a successful build prints: what it wrote, what it kept, where, how fast. */
export function buildSummary(result: BuildResult, output: string, seconds: string): string {
  if (result.pageCount === 0 && result.reusedCount > 0) {
    return `Nothing had changed: kept all ${result.reusedCount} pages of ${output}/ in ${seconds} s.`;
  }
  const kept = result.reusedCount > 0 ? ` (and kept ${result.reusedCount} unchanged)` : "";
  return `Built ${result.pageCount} pages${kept} into ${output}/ in ${seconds} s.`;
}
