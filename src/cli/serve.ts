import path from "node:path";
import { parseArgs } from "node:util";
import { adminFiles, writeExtraFiles } from "../admin/admin-files.ts";
import { PreviewContent } from "../build/preview-content.ts";
import { changedContentFiles, contentFileStates } from "../content/content-digest.ts";
import { frontMatterCacheBeside } from "../content/front-matter-cache-file.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";
import { servePreview } from "../output/eleventy-site.ts";
import { PreviewSite } from "../output/preview-site.ts";
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
  const content = new PreviewContent({
    contentDir: values.content,
    includeDrafts: true,
    renderCacheFile: values.cache,
    frontMatterCacheFile: frontMatterCacheBeside(values.cache),
  });
  // Taken before the first load: a file saved after it, before the watcher is ready, differs.
  const contentAtStart = contentFileStates(values.content);
  const first = await content.load();
  const { diagnostics, news } = first;
  if (diagnostics.length > 0) console.error(formatReport(diagnostics));
  if (!news || hasErrors(diagnostics)) {
    console.error("Fix the errors above, then run `npm start` again.");
    return 1;
  }
  const preview = new PreviewSite({
    load: () => content.load(),
    edited: (files) => content.afterEdit(files),
    outputDir: values.output,
    first,
  });
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
  await preview.rehearse().catch((error: unknown) => {
    console.error("Internal error: the preview could not write a page ahead:", error);
  });
  // The preview serves the site under the path it is published under: `/news-digest/`.
  await servePreview({
    outputDir: values.output,
    port,
    pathPrefix: pathPrefixOf(news.site.baseUrl),
    watch: values.content,
    changedWhileStarting: () =>
      changedContentFiles(contentAtStart, contentFileStates(values.content)).map((file) =>
        path.join(values.content, file),
      ),
    news: () => preview.next(),
    written: () => preview.removeGonePages(),
    // An edit of an article's text shows on its page before the rebuild writes the rest.
    changed: async (files) => {
      const started = performance.now();
      const url = await preview.writeEditedFirst(files).catch((error: unknown) => {
        console.error("Internal error: the edited page could not be written first:", error);
        return undefined;
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (url) console.log(`[preview] Wrote ${url} ahead of the rebuild in ${seconds} seconds`);
      return url !== undefined;
    },
  });
  return 0;
});
