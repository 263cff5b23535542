import { ContentError } from "../content-error.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { DEFAULT_IMAGE_CACHE, writeRenditions } from "../images/write-renditions.ts";
import { loadNews, type NewsOptions, type NewsResult } from "../load-news.ts";
import type { News } from "../pages/site-data.ts";
import { pathPrefixOf } from "../urls.ts";
import { PreviewPages } from "./preview-pages.ts";

/** Where content comes from and whether drafts show, read from the environment Eleventy runs in. */
export function newsOptionsFromEnvironment(environment: NodeJS.ProcessEnv): NewsOptions {
  const runMode = environment.ELEVENTY_RUN_MODE ?? "build";
  const renderCacheFile = environment.NEWS_DIGEST_RENDER_CACHE;
  return {
    contentDir: environment.NEWS_DIGEST_CONTENT_DIR ?? "content",
    includeDrafts: runMode !== "build",
    ...(renderCacheFile ? { renderCacheFile } : {}),
  };
}

/**
 * Where a preview writes lead pictures: the preview has no build step of its own, so pictures
 * are written whenever its data is loaded. Production builds write them in `buildSite`.
 */
export interface PreviewPictures {
  outputDir: string;
  cacheDir: string;
}

/** Set by `npm start` for the Eleventy run it starts. */
export function previewPicturesFromEnvironment(
  environment: NodeJS.ProcessEnv,
): PreviewPictures | undefined {
  const outputDir = environment.NEWS_DIGEST_PREVIEW_OUTPUT;
  return outputDir ? { outputDir, cacheDir: DEFAULT_IMAGE_CACHE } : undefined;
}

/** Which content a result is of: where the render cache lives does not change it. */
function contentKey(options: NewsOptions): string {
  return JSON.stringify([options.contentDir, options.includeDrafts, options.now ?? null]);
}

let preloaded: { key: string; result: NewsResult } | undefined;

/**
 * Hands a result the build command already loaded to the Eleventy run that follows, so
 * content is validated and rendered once per build.
 */
export function providePreloadedNews(options: NewsOptions, result: NewsResult): void {
  preloaded = { key: contentKey(options), result };
}

let lastGoodNews: News | undefined;
let pathPrefix = "/";

/**
 * The path the site being written is published under (`/news-digest/`), from the `news` last
 * handed to Eleventy. Module state rather than one configuration's: Eleventy may reuse a
 * template compiled by an earlier run of the same process, with that run's filters.
 */
export function publishedPathPrefix(): string {
  return pathPrefix;
}
const previewPages = new PreviewPages();

/**
 * The `news` global data. In a preview, content with errors keeps the last good site up
 * and prints the report; in a build it stops with the report.
 */
export async function newsForEleventy(
  options: NewsOptions,
  previewPictures?: PreviewPictures,
): Promise<News> {
  const key = contentKey(options);
  const result = preloaded && preloaded.key === key ? preloaded.result : await loadNews(options);
  preloaded = undefined;
  // `npm start` writes into one folder it keeps between rebuilds: only changed pages are written.
  const toWrite = (news: News) => {
    pathPrefix = pathPrefixOf(news.site.baseUrl);
    return previewPictures ? previewPages.changedSince(news) : news;
  };
  if (result.news && !hasErrors(result.diagnostics)) {
    if (previewPictures) await writeRenditions(result.news.imageJobs, previewPictures);
    // Only a preview falls back to it: a build keeping it would hold the site to the process's end.
    if (options.includeDrafts) lastGoodNews = result.news;
    return toWrite(result.news);
  }
  if (options.includeDrafts && lastGoodNews) {
    console.error(
      `${formatReport(result.diagnostics)}\nThe preview keeps showing the last good version.`,
    );
    return toWrite(lastGoodNews);
  }
  throw new ContentError(result.diagnostics);
}
