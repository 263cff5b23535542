import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { adminFiles, writeExtraFiles } from "../admin/admin-files.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { providePreloadedNews } from "../eleventy/news-data.ts";
import { loadNews } from "../load-news.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from "../project-paths.ts";
import { pathPrefixOf } from "../urls.ts";
import { runCommand } from "./run-command.ts";

const DEFAULT_PORT = 8080;

await runCommand(async () => {
  /**
   * `npm start -- --content <folder> --output <folder> --cache <file> --port <n>`: other
   * places; the port defaults to $PORT, then 8080. `--local-backend <url>` (what `npm run cms`
   * passes) serves the web editor at /admin/ against Decap's local backend at that address,
   * for the repository at `--repo` (the project by default).
   */
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "content" },
      // Never `_site`, the production build's output: a preview shows drafts, and a build
      // and a preview running at once must not write the same folder.
      output: { type: "string", default: "_preview" },
      cache: { type: "string", default: DEFAULT_RENDER_CACHE },
      port: { type: "string", default: process.env.PORT ?? String(DEFAULT_PORT) },
      "local-backend": { type: "string" },
      repo: { type: "string" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--port ${values.port}: a port is a whole number from 1 to 65535.`);
    return 1;
  }
  const newsOptions = {
    contentDir: values.content,
    includeDrafts: true,
    renderCacheFile: values.cache,
  };
  const result = await loadNews(newsOptions);
  const { diagnostics, news } = result;
  if (diagnostics.length > 0) console.error(formatReport(diagnostics));
  if (!news || hasErrors(diagnostics)) {
    console.error("Fix the errors above, then run `npm start` again.");
    return 1;
  }
  providePreloadedNews(newsOptions, result);
  // Eleventy's configuration reads these: the content it watches and reloads, where rebuilds
  // after an edit find the rendered bodies of the articles that did not change, and where
  // the lead pictures the pages show are written.
  process.env.NEWS_DIGEST_CONTENT_DIR = values.content;
  process.env.NEWS_DIGEST_RENDER_CACHE = values.cache;
  process.env.NEWS_DIGEST_PREVIEW_OUTPUT = values.output;
  const eleventy = new Eleventy(TEMPLATES_DIR, values.output, {
    configPath: ELEVENTY_CONFIG,
    runMode: "serve",
    // The preview serves the site under the path it is published under: `/news-digest/`.
    pathPrefix: pathPrefixOf(news.site.baseUrl),
  });
  await eleventy.init();
  await eleventy.watch();
  const localBackend = values["local-backend"];
  await writeExtraFiles(
    values.output,
    await adminFiles({
      settings: news.site,
      contentDir: values.content,
      ...(values.repo ? { repoRoot: values.repo } : {}),
      ...(localBackend ? { localBackend } : {}),
    }),
  );
  await eleventy.serve(port);
  return 0;
});
