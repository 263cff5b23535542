import path from "node:path";
import { type ArticleEntry, type ArticleFields, compareNewestFirst } from "../content/article.ts";
import { fileDigest } from "../content/content-digest.ts";
import { FrontMatterCache } from "../content/front-matter-cache.ts";
import { loadListedFiles } from "../content/load-articles.ts";
import { isPublic, isScheduled } from "../content/publication.ts";
import {
  ARTICLES_FOLDER,
  type ListedArticleFile,
  listArticleFiles,
} from "../content/read-article-files.ts";
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
import { articleDigest } from "../site/article-view.ts";
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
import { type KeepArticles, type KeptArticle, KeptArticles, linkerKey } from "./kept-articles.ts";

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
  /** Where unchanged articles are taken from and kept for the next load; none when absent. */
  keep?: KeepArticles;
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

function scheduledNotice(article: ArticleFields): Diagnostic {
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
  unpublished: ArticleFields[];
  index: TermIndex;
  /** The rendered bodies' HTML, read only by the pages and search shards a build writes. */
  bodies: BodyStore;
  /** Each article's `articleDigest`, made once when it was read, or kept with it. */
  digests: ReadonlyMap<Article, string>;
}

export interface ContentResult {
  /** Absent when the settings could not be read. */
  content?: LoadedContent;
  diagnostics: Diagnostic[];
}

/** One article file of a load: taken whole from an earlier build, or loaded now. */
interface LoadedFile {
  /** Its path inside the content folder. */
  relative: string;
  /**
   * The digest it is kept by: the one the inputs digest gave it, for an article taken whole;
   * that of the text read, for one loaded now.
   */
  digest?: string;
  kept?: KeptArticle;
  /** Read and checked now, when not kept and valid. */
  entry?: ArticleEntry;
  /** Its messages from being read and checked. */
  loading: Diagnostic[];
}

const fieldsOf = (file: LoadedFile): ArticleFields | undefined => file.kept?.article ?? file.entry;

/** An article's fields without its text, which the checks across articles never read. */
function withoutText(fields: ArticleFields): ArticleFields {
  if (!("markdown" in fields)) return fields;
  const { markdown: _markdown, ...rest } = fields as ArticleEntry;
  return rest;
}

/**
 * Every article file read and checked, in name order, but those `kept` holds unchanged with
 * their body's HTML in `bodies`: those are taken whole. Files are parsed with the front-matter
 * cache only when none is kept, since it keeps for the next run only the files it parsed.
 */
async function loadArticleFiles(
  options: NewsOptions,
  timeZone: string,
  registry: Registry,
  kept: KeptArticles | undefined,
  bodies: RenderCache,
): Promise<{ files: LoadedFile[]; unreadable: Diagnostic[] }> {
  const listed = listArticleFiles(options.contentDir);
  const files: LoadedFile[] = [];
  const toLoad: Array<{ listed: ListedArticleFile; file: LoadedFile }> = [];
  for (const article of listed.files) {
    const { relative } = article;
    const digest = kept?.digestOf(relative);
    const file: LoadedFile = { relative, ...(digest ? { digest } : {}), loading: [] };
    const earlier =
      digest && !article.isLink
        ? kept?.take(displayPath(article.path), relative, digest)
        : undefined;
    if (earlier && bodies.reuse(earlier.article.body.key)) {
      file.kept = earlier;
      file.loading = earlier.loading;
    } else {
      toLoad.push({ listed: article, file });
    }
    files.push(file);
  }
  // Parsing is the builder's own code: any change to it, or to a package, starts afresh.
  const frontMatterCache =
    options.frontMatterCacheFile && toLoad.length === files.length
      ? await FrontMatterCache.open(
          options.frontMatterCacheFile,
          options.builderVersion ?? (await builderVersion(PROJECT_ROOT)),
        )
      : FrontMatterCache.disabled();
  const results = await loadListedFiles(
    toLoad.map((item) => item.listed),
    listed.realContentDir,
    options.contentDir,
    timeZone,
    registry,
    frontMatterCache,
  );
  await frontMatterCache.save();
  const unreadable: Diagnostic[] = [];
  results.forEach((outcome, index) => {
    const file = toLoad[index]?.file;
    if ("unreadable" in outcome) unreadable.push(outcome.unreadable);
    else if (file) {
      file.loading = outcome.result.diagnostics;
      // Kept by the text it was made from: a file written since the inputs digest read it
      // is found by that digest only once it has that text again. The text is as decoded,
      // without a byte-order mark: a file with one never has this digest, and is loaded
      // again every time, never taken for another.
      if (kept) file.digest = fileDigest(file.relative, Buffer.from(outcome.text));
      if (outcome.result.article) file.entry = outcome.result.article;
    }
  });
  return { files, unreadable };
}

/** Whether `relative`, a path inside the content folder, is an article's file. */
function isArticleFile(relative: string): boolean {
  return relative.startsWith(`${ARTICLES_FOLDER}${path.sep}`) && relative.endsWith(".md");
}

/**
 * Loads and validates all content, indexes its terms and renders every body: the stages
 * before the site's data. Every problem is collected, across files; none is decided here.
 * With `keep`, the articles of unchanged files are taken from an earlier build, and those
 * of this one kept for the next.
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
  const cache = options.renderCacheFile
    ? await RenderCache.open(options.renderCacheFile, await rendererVersion())
    : RenderCache.disabled();
  const kept = options.keep && (await KeptArticles.open(options.keep, isArticleFile));
  const base = { settings, registry, today };
  let loaded = await loadWith(options, base, cache, kept);
  if (!loaded) {
    // Kept articles were rendered with other names that link: every file is loaded again.
    kept?.refuse();
    loaded = await loadWith(options, base, cache, kept);
  }
  if (!loaded) throw new Error("Internal error: a load that took nothing kept was refused");
  await cache.save();
  // Only time is lost when they cannot be kept: the next build loads every article.
  await kept?.save().catch(() => undefined);
  return { content: loaded.content, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}

/**
 * `loadContent` once settings and registry are read; undefined when an article taken from
 * `kept` was rendered with other names that link than this load's.
 */
async function loadWith(
  options: NewsOptions,
  { settings, registry, today }: Pick<LoadedContent, "settings" | "registry" | "today">,
  cache: RenderCache,
  kept: KeptArticles | undefined,
): Promise<{ content: LoadedContent; diagnostics: Diagnostic[] } | undefined> {
  const progress = options.progress ?? silentProgress;
  const { files, unreadable } = await loadArticleFiles(
    options,
    settings.timeZone,
    registry,
    kept,
    cache,
  );
  const diagnostics = [...unreadable, ...files.flatMap((file) => file.loading)];
  // Newest first; the sort is stable, so articles of the same moment keep their files' order.
  const loaded = files
    .flatMap((file) => {
      const fields = fieldsOf(file);
      return fields ? [{ file, fields }] : [];
    })
    .sort((a, b) => compareNewestFirst(a.fields, b.fields));
  const entries = loaded.map(({ fields }) => fields);
  diagnostics.push(...checkTerms(entries, registry));
  diagnostics.push(...entries.filter((entry) => isScheduled(entry, today)).map(scheduledNotice));
  const shown = options.includeDrafts ? entries : entries.filter((entry) => isPublic(entry, today));

  // Names in the text link only to pages this build writes: a preview's drafts have pages.
  progress.phase("Rendering Markdown");
  const linkUrls = termLinkNames(shown, registry);
  const pathPrefix = pathPrefixOf(settings.baseUrl);
  const linker = linkerKey(linkUrls, pathPrefix);
  if (loaded.some(({ file }) => file.kept && file.kept.linker !== linker)) return undefined;
  const toRender = loaded.flatMap(({ file }) => file.entry ?? []);
  const keptCount = loaded.length - toRender.length;
  const rendered = await renderArticles(toRender, {
    linkUrls,
    pathPrefix,
    cache,
    onRendered: (done, total) => progress.advance(keptCount + done, keptCount + total),
  });
  const renderedByFile = new Map(rendered.articles.map((article) => [article.file, article]));
  const shownFiles = new Set(shown.map((article) => article.file));
  const renderingOf = new Map<string, Diagnostic[]>();
  for (const problem of rendered.diagnostics) {
    renderingOf.set(problem.file, [...(renderingOf.get(problem.file) ?? []), problem]);
  }
  const articles: Article[] = [];
  const digests = new Map<Article, string>();
  // Unpublished articles as rendered, like those kept, or without their text when refused.
  const unpublished: ArticleFields[] = [];
  for (const { file, fields } of loaded) {
    const article = file.kept?.article ?? renderedByFile.get(fields.file);
    const rendering = file.kept?.rendering ?? renderingOf.get(fields.file) ?? [];
    diagnostics.push(...rendering);
    if (!shownFiles.has(fields.file)) unpublished.push(article ?? withoutText(fields));
    if (!article) continue;
    articles.push(article);
    const digest = file.kept?.digest ?? articleDigest(article);
    digests.set(article, digest);
    if (file.digest) {
      kept?.keep(fields.file, file.relative, file.digest, {
        loading: file.loading,
        rendering,
        article,
        digest,
        linker,
      });
    }
  }

  const shownArticles = articles.filter((article) => shownFiles.has(article.file));
  return {
    content: {
      settings,
      registry,
      today,
      linkUrls,
      articles: shownArticles,
      unpublished,
      index: buildTermIndex(shownArticles),
      bodies: cache.bodies,
      digests,
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
  const site = planSite(settings, articles, index, {
    registry,
    today,
    digestOf: (article) => content.digests.get(article),
  });
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
