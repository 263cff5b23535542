import Eleventy from "@11ty/eleventy";
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from "../build/build-site.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { providePreloadedNews } from "../eleventy/news-data.ts";
import { loadNews } from "../load-news.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";
import { runCommand } from "./run-command.ts";

const DEFAULT_PORT = 8080;
const PREVIEW_OUTPUT = "_site";

await runCommand(async () => {
  const newsOptions = {
    contentDir: "content",
    includeDrafts: true,
    renderCacheFile: DEFAULT_RENDER_CACHE,
  };
  const result = await loadNews(newsOptions);
  const { diagnostics } = result;
  if (diagnostics.length > 0) console.error(formatReport(diagnostics));
  if (hasErrors(diagnostics)) {
    console.error("Fix the errors above, then run `npm start` again.");
    return 1;
  }
  providePreloadedNews(newsOptions, result);
  // Rebuilds after an edit reuse the rendered bodies of the articles that did not change,
  // and write the lead pictures the pages show.
  process.env.NEWS_DIGEST_RENDER_CACHE = DEFAULT_RENDER_CACHE;
  process.env.NEWS_DIGEST_PREVIEW_OUTPUT = PREVIEW_OUTPUT;
  const eleventy = new Eleventy(TEMPLATES_DIR, PREVIEW_OUTPUT, {
    configPath: ELEVENTY_CONFIG,
    runMode: "serve",
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(Number(process.env.PORT ?? DEFAULT_PORT));
  return 0;
});
