import path from "node:path";
import type { ArticleEntry } from "../content/article.ts";
import { FrontMatterCache } from "../content/front-matter-cache.ts";
import { loadArticles } from "../content/load-articles.ts";
import { isPublic, isScheduled } from "../content/publication.ts";
import { todayIn } from "../dates.ts";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import type { Article } from "../markdown/article.ts";
import type { BodyStore } from "../markdown/body-store.ts";
import { renderArticles } from "../markdown/render-articles.ts";
import { RenderCache, rendererVersion } from "../markdown/render-cache.ts";
import { builderVersion } from "../output/builder-version.ts";
import { type BuildProgress, silentProgress } from "../progress.ts";
import { displayPath, PROJECT_ROOT } from "../project-paths.ts";
import { loadRegistry } from "../registry/load-registry.ts";
import type { Registry } from "../registry/registry.ts";
import { loadSiteSettings, SETTINGS_FILE, type SiteSettings } from "../settings/site-settings.ts";
import { checkBodyLinks } from "../site/check-body-links.ts";
import type { LoadedSite, SitePlan, SiteToWrite } from "../site/news.ts";
import { articleMetaOf } from "../site/page-parts.ts";
import { publishedUrls } from "../site/published-urls.ts";
import { planSite } from "../site/site-data.ts";
import { claimUrls } from "../site/url-claims.ts";
import type { TermIndex } from "../site/views.ts";
import { buildTermIndex } from "../taxonomy/build-term-index.ts";
import { checkTerms } from "../taxonomy/check-terms.ts";
import { termLinkNames } from "../taxonomy/term-link-names.ts";
import { pathPrefixOf } from "../urls.ts";

export interface NewsOptions {
  /** The editors' folder: `site.yaml`, `registry/` and `articles/`. */
  contentDir: string;
  /** Where rendered bodies are kept between runs (outside the output); none when absent. */
  renderCacheFile?: string;
  /** Where parsed front-matter is kept between runs (outside the output); none when absent. */
  frontMatterCacheFile?: string;
  /**
   * Previews (and `check`) show drafts and scheduled articles, marked; production never
   * does. Every article is validated and rendered either way.
   */
  includeDrafts: boolean;
  /** The moment that decides which articles are scheduled; defaults to now. */
  now?: Date;
  /** Hears the phases of loading and how many bodies are rendered; silent when absent. */
  progress?: BuildProgress;
  /** The builder's version (`builderVersion`), when the caller has it already. */
  builderVersion?: string;
}

/**
 * What loading one article file again needs of the load it follows (`PreviewContent`): its
 * settings, registry and day, the names that link in article text, every rendered article by
 * file, and the addresses an article's text may link to.
 */
export interface LoadContext {
  contentDir: string;
  settings: SiteSettings;
  registry: Registry;
  today: string;
  linkUrls: ReadonlyMap<string, string>;
  articles: ReadonlyMap<string, Article>;
  linkTargets: LinkTargets;
  /** Where the rendered bodies' HTML is. */
  bodies: BodyStore;
}

export interface NewsResult extends LoadedSite {
  /** Present with `news`. */
  context?: LoadContext;
}

/** `NewsResult` with the site planned (`planSite`), made only for the pages a build writes. */
export interface SiteResult extends Omit<NewsResult, "news"> {
  /** Present only when there is no error. */
  site?: SiteToWrite<SitePlan>;
}

/** The addresses of a site an article's text may link to. */
export interface LinkTargets {
  /** Published articles link only to published pages… */
  published: ReadonlySet<string>;
  /** …drafts to other drafts too. */
  all: ReadonlySet<string>;
}

/** Links in the text of `articles` to pages the site does not have, or not for them. */
export function checkArticleLinks(
  articles: readonly Article[],
  targets: LinkTargets,
  today: string,
): Diagnostic[] {
  return [
    ...checkBodyLinks(
      articles.filter((article) => isPublic(article, today)),
      targets.published,
    ),
    ...checkBodyLinks(
      articles.filter((article) => !isPublic(article, today)),
      targets.all,
    ),
  ];
}

function scheduledNotice(article: ArticleEntry): Diagnostic {
  return {
    file: article.file,
    ...article.datePlace,
    severity: "warning",
    ruleId: "scheduled",
    message: `scheduled for ${article.date.day}: left out of the published site until a build on or after that day`,
    fix: "nothing to do if that is intended; otherwise correct the date",
  };
}

/**
 * The pages of a site with drafts that production would not have: the drafts' own, and the
 * pages of terms only drafts name. A published article may not link to them.
 */
function unpublishedPages(
  articles: readonly Article[],
  index: TermIndex,
  today: string,
): (url: string) => boolean {
  const drafts = new Set(articles.filter((a) => !isPublic(a, today)).map((a) => a.url));
  const draftTerms = [...index.companies, ...index.models, ...index.partners]
    .filter((term) => !term.articles.some((article) => isPublic(article, today)))
    .map((term) => term.url);
  return (url) => drafts.has(url) || draftTerms.some((termUrl) => url.startsWith(termUrl));
}

/**
 * Every article read, checked and rendered, with what the site's data is computed from:
 * the settings, the registry, the day, the articles the site shows and their term index.
 * Search is indexed from this while the site's data is computed.
 */
export interface LoadedContent {
  settings: SiteSettings;
  registry: Registry;
  today: string;
  /** Every name that links in article text, to its page. */
  linkUrls: ReadonlyMap<string, string>;
  /** The articles the site shows, rendered, newest first: drafts only in a preview. */
  articles: Article[];
  /** Valid articles the site does not show (drafts and scheduled ones in production). */
  unpublished: ArticleEntry[];
  index: TermIndex;
  /** The rendered bodies' HTML, read only by the pages and search shards a build writes. */
  bodies: BodyStore;
}

export interface ContentResult {
  /** Absent when the settings could not be read. */
  content?: LoadedContent;
  diagnostics: Diagnostic[];
}

/**
 * Loads and validates all content, indexes its terms and renders every body: the stages
 * before the site's data. Every problem is collected, across files; none is decided here.
 */
export async function loadContent(options: NewsOptions): Promise<ContentResult> {
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
  // Parsing is the builder's own code: any change to it, or to a package, starts afresh.
  const frontMatterCache = options.frontMatterCacheFile
    ? await FrontMatterCache.open(
        options.frontMatterCacheFile,
        options.builderVersion ?? (await builderVersion(PROJECT_ROOT)),
      )
    : FrontMatterCache.disabled();
  const loaded = await loadArticles(
    options.contentDir,
    settings.timeZone,
    registry,
    frontMatterCache,
  );
  await frontMatterCache.save();
  diagnostics.push(...loaded.diagnostics, ...checkTerms(loaded.articles, registry));
  diagnostics.push(
    ...loaded.articles.filter((article) => isScheduled(article, today)).map(scheduledNotice),
  );
  const shown = options.includeDrafts
    ? loaded.articles
    : loaded.articles.filter((article) => isPublic(article, today));

  // Names in the text link only to pages this build writes: a preview's drafts have pages.
  progress.phase("Rendering Markdown");
  const cache = options.renderCacheFile
    ? await RenderCache.open(options.renderCacheFile, await rendererVersion())
    : RenderCache.disabled();
  const linkUrls = termLinkNames(shown, registry);
  const rendered = await renderArticles(loaded.articles, {
    linkUrls,
    pathPrefix: pathPrefixOf(settings.baseUrl),
    cache,
    onRendered: (done, total) => progress.advance(done, total),
  });
  await cache.save();
  diagnostics.push(...rendered.diagnostics);

  const shownFiles = new Set(shown.map((article) => article.file));
  const articles = rendered.articles.filter((article) => shownFiles.has(article.file));
  return {
    content: {
      settings,
      registry,
      today,
      linkUrls,
      articles,
      unpublished: loaded.articles.filter((article) => !shownFiles.has(article.file)),
      index: buildTermIndex(articles),
      bodies: cache.bodies,
    },
    diagnostics,
  };
}

/**
 * The site's data, planned once from the loaded content, and the checks that need it
 * (addresses claimed twice, links to pages the site does not have): with `diagnostics`,
 * those of loading the content, every problem of the run is told before anything is decided.
 */
export function assembleSite(
  content: LoadedContent,
  diagnostics: readonly Diagnostic[],
  contentDir: string,
): SiteResult {
  const { settings, registry, today, articles, index, linkUrls } = content;
  const problems = [...diagnostics];
  const site = planSite(settings, articles, index, { registry, today });
  problems.push(
    ...claimUrls(site.plan, { articles, index, registry, unpublished: content.unpublished }),
  );
  // A published article may link only to published pages; a draft also to other drafts.
  const urls = publishedUrls(site.plan);
  const unpublished = unpublishedPages(articles, index, today);
  const linkTargets: LinkTargets = {
    published: new Set([...urls].filter((url) => !unpublished(url))),
    all: urls,
  };
  problems.push(...checkArticleLinks(articles, linkTargets, today));
  if (hasErrors(problems)) return { diagnostics: problems };
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const byUrl = new Map(articles.map((article) => [article.url, article]));
  const { bodies } = content;
  return {
    site,
    parts: {
      bodyHtml: bodies.reader,
      articleMeta: articleMetaOf((url) => byUrl.get(url), settings),
    },
    diagnostics: problems,
    context: {
      contentDir,
      settings,
      registry,
      today,
      linkUrls,
      articles: byFile,
      linkTargets,
      bodies,
    },
  };
}

/** Loads all content and plans the site (`loadContent`, `assembleSite`), as a build does. */
export async function loadSite(options: NewsOptions): Promise<SiteResult> {
  const { content, diagnostics } = await loadContent(options);
  return content ? assembleSite(content, diagnostics, options.contentDir) : { diagnostics };
}

/** `assembleSite`, with every page made: the site's data whole, as a preview holds it. */
export function assembleNews(
  content: LoadedContent,
  diagnostics: readonly Diagnostic[],
  contentDir: string,
): NewsResult {
  const { site, ...result } = assembleSite(content, diagnostics, contentDir);
  return site ? { ...result, news: site.make(site.plan) } : result;
}

/**
 * Loads, validates and indexes all content, renders every body, and computes the site's
 * data once: with drafts for a preview or `check`, without for production. Nothing is
 * written. Every problem of the run is collected, across files, before anything is decided.
 */
export async function loadNews(options: NewsOptions): Promise<NewsResult> {
  const { content, diagnostics } = await loadContent(options);
  return content ? assembleNews(content, diagnostics, options.contentDir) : { diagnostics };
}
