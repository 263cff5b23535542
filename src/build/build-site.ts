import { rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { providePreloadedNews } from "../eleventy/news-data.ts";
import { DEFAULT_IMAGE_CACHE, writeRenditions } from "../images/write-renditions.ts";
import { loadNews, type NewsOptions } from "../load-news.ts";
import { writeSearchIndex } from "../publishing/search-index.ts";
import { checkCompleteness } from "./check-completeness.ts";
import { replaceFolder } from "./replace-folder.ts";

/** The project's own folders, wherever the command is run from. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const ELEVENTY_CONFIG = path.join(PROJECT_ROOT, ".eleventy.ts");
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Where rendered Markdown is kept between builds; every body is rendered when absent. */
  renderCacheFile?: string;
  /** Where encoded lead pictures are kept between builds; the project's `.cache/images/`. */
  imageCacheDir?: string;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Pages Eleventy wrote; 0 when the build stopped on content errors. */
  pageCount: number;
}

/**
 * A production build: validates all content first and writes nothing on errors; renders
 * into a staging folder beside the output and swaps it in only when everything succeeded.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const newsOptions: NewsOptions = {
    contentDir: options.contentDir,
    includeDrafts: false,
    ...(options.renderCacheFile ? { renderCacheFile: options.renderCacheFile } : {}),
  };
  const result = await loadNews(newsOptions);
  if (hasErrors(result.diagnostics)) {
    return { ok: false, diagnostics: result.diagnostics, pageCount: 0 };
  }
  const outputDir = path.resolve(options.outputDir);
  const staging = `${outputDir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    // Pictures are encoded here, not when content loads, so `check` never pays for it.
    if (result.news) {
      await writeRenditions(result.news.imageJobs, {
        outputDir: staging,
        cacheDir: options.imageCacheDir ?? path.join(PROJECT_ROOT, DEFAULT_IMAGE_CACHE),
      });
    }
    providePreloadedNews(newsOptions, result);
    process.env.NEWS_DIGEST_CONTENT_DIR = options.contentDir;
    const pageCount = await writePages(staging);
    await writeSearchIndex(staging);
    const incomplete = result.news ? await checkCompleteness(staging, result.news) : [];
    if (incomplete.length > 0) {
      return { ok: false, diagnostics: [...result.diagnostics, ...incomplete], pageCount: 0 };
    }
    await replaceFolder(staging, outputDir);
    return { ok: true, diagnostics: result.diagnostics, pageCount };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Runs Eleventy into `staging` and returns how many pages it wrote. Eleventy's instance and
 * the results of `write()` hold every page's content; they become garbage when this returns,
 * before Pagefind's process starts beside this one.
 */
async function writePages(staging: string): Promise<number> {
  const eleventy = new Eleventy(TEMPLATES_DIR, staging, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    runMode: "build",
  });
  return countPages(await eleventy.write());
}

/** `write()` resolves to `[passthrough copies, written templates]`. */
function countPages(written: unknown): number {
  const templates: unknown = Array.isArray(written) ? written[1] : undefined;
  return Array.isArray(templates) ? templates.length : 0;
}
