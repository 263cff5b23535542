import path from "node:path";
import type { Article } from "./content/article.ts";
import { checkBodyLinks } from "./content/check-body-links.ts";
import { loadArticles } from "./content/load-articles.ts";
import { displayPath } from "./content/read-article-files.ts";
import { todayIn } from "./dates.ts";
import { type Diagnostic, hasErrors } from "./diagnostics/diagnostic.ts";
import { RenderCache, rendererVersion } from "./markdown/render-cache.ts";
import { publishedUrls } from "./pages/published-urls.ts";
import { buildSiteData, type News } from "./pages/site-data.ts";
import { claimUrls } from "./pages/url-claims.ts";
import { type BuildProgress, silentProgress } from "./progress.ts";
import { loadRegistry } from "./registry/load-registry.ts";
import type { Registry } from "./registry/registry.ts";
import { loadSiteSettings, SETTINGS_FILE, type SiteSettings } from "./settings/site-settings.ts";
import { buildTermIndex } from "./taxonomy/build-term-index.ts";
import { checkTerms } from "./taxonomy/check-terms.ts";
import { pathPrefixOf } from "./urls.ts";

export interface NewsOptions {
  /** The editors' folder: `site.yaml`, `registry/` and `articles/`. */
  contentDir: string;
  /** Where rendered bodies are kept between runs (outside the output); none when absent. */
  renderCacheFile?: string;
  /** Previews show drafts and scheduled articles, marked; production never does. */
  includeDrafts: boolean;
  /** The moment that decides which articles are scheduled; defaults to now. */
  now?: Date;
  /** Hears the phases of loading and how many bodies are rendered; silent when absent. */
  progress?: BuildProgress;
}

export interface NewsResult {
  /** Present only when there is no error. */
  news?: News;
  diagnostics: Diagnostic[];
}

/** Articles dated after today in the site's zone wait for a build on or after their day. */
function isScheduled(article: Article, today: string): boolean {
  return article.date.day > today;
}

function scheduledNotice(article: Article): Diagnostic {
  return {
    file: article.file,
    ...article.datePlace,
    severity: "warning",
    ruleId: "scheduled",
    message: `scheduled for ${article.date.day}: left out of the published site until a build on or after that day`,
    fix: "nothing to do if that is intended; otherwise correct the date",
  };
}

/** A site's data, and every address two of its pages would share (see `claimUrls`). */
function siteFor(
  settings: SiteSettings,
  articles: readonly Article[],
  registry: Registry,
  scheduled: ReadonlySet<Article>,
): { news: News; conflicts: Diagnostic[] } {
  const index = buildTermIndex(articles);
  const news = buildSiteData(settings, articles, index, { registry, scheduled });
  return { news, conflicts: claimUrls(news, { articles, index, registry }) };
}

/** The preview repeats what production says of the articles both show: told once. */
function once(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Loads, validates and indexes all content, and computes every page's data. Nothing is
 * written: this is what `check` runs, and what the build runs before Eleventy starts.
 * Every problem of the run is collected, across files, before anything is decided.
 */
export async function loadNews(options: NewsOptions): Promise<NewsResult> {
  const progress = options.progress ?? silentProgress;
  progress.phase("Reading content");
  const settingsResult = await loadSiteSettings(
    options.contentDir,
    displayPath(path.resolve(options.contentDir, SETTINGS_FILE)),
  );
  if (!settingsResult.ok) return { diagnostics: settingsResult.diagnostics };
  const { settings } = settingsResult;
  const { registry, diagnostics } = await loadRegistry(options.contentDir);
  const today = todayIn(settings.timeZone, options.now ?? new Date());
  // Names in the text link only to pages this build writes: a preview's drafts have pages.
  const hasPages = options.includeDrafts
    ? () => true
    : (data: { draft: boolean; date: Article["date"] }) => !data.draft && data.date.day <= today;
  const cache = options.renderCacheFile
    ? await RenderCache.open(options.renderCacheFile, await rendererVersion())
    : RenderCache.disabled();
  const loaded = await loadArticles(
    options.contentDir,
    settings.timeZone,
    registry,
    hasPages,
    cache,
    progress,
    pathPrefixOf(settings.baseUrl),
  );
  await cache.save();
  diagnostics.push(...loaded.diagnostics, ...checkTerms(loaded.articles, registry));

  const scheduled = new Set(loaded.articles.filter((article) => isScheduled(article, today)));
  diagnostics.push(...[...scheduled].map(scheduledNotice));
  const published = loaded.articles.filter((article) => !article.draft && !scheduled.has(article));
  const productionSite = siteFor(settings, published, registry, scheduled);
  const unpublished = loaded.articles.filter((article) => article.draft || scheduled.has(article));
  const previewSite =
    unpublished.length > 0
      ? siteFor(settings, loaded.articles, registry, scheduled)
      : productionSite;
  const production = productionSite.news;
  const preview = previewSite.news;
  // A published article may link only to published pages; a draft also to other drafts.
  diagnostics.push(
    ...once([...productionSite.conflicts, ...previewSite.conflicts]),
    ...checkBodyLinks(published, publishedUrls(production)),
    ...checkBodyLinks(unpublished, publishedUrls(preview)),
  );
  if (hasErrors(diagnostics)) return { diagnostics };
  return { news: options.includeDrafts ? preview : production, diagnostics };
}
