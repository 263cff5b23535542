import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../build/build-site.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";
import { progressFor } from "../progress.ts";
import { rerunWithHeapFor } from "./heap-for-site.ts";
import { runCommand } from "./run-command.ts";

await runCommand(async () => {
  /** `npm run build -- --content <folder> --output <folder> --cache <file>`: other places. */
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      cache: { type: "string", default: DEFAULT_RENDER_CACHE },
    },
  });
  const rerun = rerunWithHeapFor(values.content);
  if (rerun !== undefined) return rerun;
  const started = performance.now();
  const progress = progressFor(process.stderr, process.env);
  const result = await buildSite({
    contentDir: values.content,
    outputDir: values.output,
    renderCacheFile: values.cache,
    // The record of written pages lives beside the render cache, outside the output.
    pageRecordDir: path.dirname(values.cache),
    searchCacheDir: path.join(path.dirname(values.cache), "search"),
    progress,
  }).finally(() => progress.end());
  if (result.diagnostics.length > 0) console.error(formatReport(result.diagnostics));
  if (!result.ok) {
    console.error(`The build stopped before writing anything; ${values.output}/ is unchanged.`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kept = result.reusedCount > 0 ? ` (and kept ${result.reusedCount} unchanged)` : "";
  console.log(`Built ${result.pageCount} pages${kept} into ${values.output}/ in ${seconds} s.`);
  return 0;
});
