import { parseArgs } from "node:util";
import { loadNews } from "../build/load-news.ts";
import { frontMatterCacheBeside } from "../content/front-matter-cache-file.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatGithubAnnotation, formatReport } from "../diagnostics/format-diagnostics.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";
import { rerunWithHeapFor } from "./heap-for-site.ts";
import { runCommand } from "./run-command.ts";

await runCommand(async () => {
  /** `npm run check -- --content <folder> --cache <file>`: other places than the defaults. */
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "content" },
      cache: { type: "string", default: DEFAULT_RENDER_CACHE },
    },
  });
  const rerun = rerunWithHeapFor(values.content);
  if (rerun !== undefined) return rerun;
  const { diagnostics } = await loadNews({
    contentDir: values.content,
    includeDrafts: true,
    renderCacheFile: values.cache,
    frontMatterCacheFile: frontMatterCacheBeside(values.cache),
  });
  console.log(formatReport(diagnostics));
  if (process.env.GITHUB_ACTIONS === "true") {
    for (const diagnostic of diagnostics) console.log(formatGithubAnnotation(diagnostic));
  }
  return hasErrors(diagnostics) ? 1 : 0;
});
