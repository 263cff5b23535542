import path from "node:path";
import Eleventy, { type EleventyLogTarget } from "@11ty/eleventy";
import { configureNewsSite } from "../../.eleventy.ts";
import { TEMPLATES_DIR } from "../project-paths.ts";
import type { News } from "../site/news.ts";
import type { SiteSource } from "./site-source.ts";

// The one module that runs Eleventy: the rest of the pipeline hands it a site model.

/** Eleventy's warnings and errors still reach the terminal; its progress lines do not. */
const ELEVENTY_WARNINGS_ONLY: EleventyLogTarget = {
  log: () => undefined,
  info: () => undefined,
  warn: console.warn,
  error: console.error,
};

/**
 * `write()` resolves to `[passthrough copies, written templates]`: each copy with a `map` of
 * source to destination, each template with its `outputPath`. The files as paths inside
 * `outputDir`.
 */
function writtenFiles(outputDir: string, written: unknown): string[] {
  const [copies, templates] = Array.isArray(written) ? written : [];
  const files: unknown[] = [];
  for (const copy of Array.isArray(copies) ? copies : []) {
    files.push(...Object.values((copy as { map?: Record<string, unknown> })?.map ?? {}));
  }
  for (const template of Array.isArray(templates) ? templates : []) {
    files.push((template as { outputPath?: unknown })?.outputPath);
  }
  return files.flatMap((file) =>
    typeof file === "string" ? [path.relative(outputDir, path.resolve(file))] : [],
  );
}

/**
 * Writes the pages of `news` into `outputDir` (the single pages and assets too, unless
 * `singlePages` is false) and returns the files Eleventy wrote, as paths inside it.
 * Eleventy's instance and the results of `write()` hold every page's content; they become
 * garbage when this returns, before the caller's next pass.
 */
export async function writePages(
  outputDir: string,
  news: News,
  singlePages = true,
): Promise<string[]> {
  const source: SiteSource = { news: () => news, singlePages };
  const eleventy = new Eleventy(TEMPLATES_DIR, outputDir, {
    // No configuration file: the set-up below is given the model it writes.
    configPath: "",
    quietMode: true,
    runMode: "build",
    config: (eleventyConfig) => configureNewsSite(eleventyConfig, source),
  });
  // Each pass would print Eleventy's own summary line; the build prints one for all passes.
  eleventy.logger.overrideLogger(ELEVENTY_WARNINGS_ONLY);
  return writtenFiles(outputDir, await eleventy.write());
}

export interface PreviewServer {
  outputDir: string;
  port: number;
  /** The path the site is published under: the preview serves it there. */
  pathPrefix: string;
  /** The content folder: an edit there rebuilds the preview. */
  watch: string;
  /** The model of the next rebuild, asked for on every one. */
  news: () => Promise<News>;
  /**
   * What to do first when watched files change, before the rebuild: true when it wrote a
   * page, and the pages open in a browser are to be reloaded now rather than after the rebuild.
   */
  changed?: (files: string[]) => Promise<boolean>;
  /** What to do once a build or rebuild has written its pages. */
  written?: () => Promise<void>;
  /**
   * The watched files changed since the content of the first build was read, asked for once
   * the watcher is ready: the watcher reports only what changes after that.
   */
  changedWhileStarting?: () => string[];
}

/** Serves the preview, rebuilding it when content changes, until the process ends. */
export async function servePreview(server: PreviewServer): Promise<void> {
  const { changed, written } = server;
  const source: SiteSource = {
    news: server.news,
    watch: server.watch,
    ...(written ? { written } : {}),
    ...(changed
      ? {
          changed: async (files) => {
            // With no templates named, the dev server's pages reload whole.
            if (await changed(files)) await eleventy.eleventyServe.reload({ build: {} });
          },
        }
      : {}),
  };
  const eleventy: Eleventy = new Eleventy(TEMPLATES_DIR, server.outputDir, {
    configPath: "",
    runMode: "serve",
    pathPrefix: server.pathPrefix,
    config: (eleventyConfig) => configureNewsSite(eleventyConfig, source),
  });
  await eleventy.init();
  const rebuildFor = await eleventy.watch();
  // Eleventy rebuilds when a file is added or changed, not when one is deleted: a deleted
  // article would stay in every list of the preview.
  for (const event of ["unlink", "unlinkDir"] as const) {
    eleventy.watcher?.on(event, (file) => void rebuildFor(file));
  }
  await eleventy.serve(server.port);
  // An edit saved while the first build ran, or while the watcher read the folder, was never
  // reported: one rebuild for all of them. Each call queues its file; the last one rebuilds.
  for (const file of server.changedWhileStarting?.() ?? []) void rebuildFor(file);
}
