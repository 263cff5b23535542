import type { Article } from "../markdown/article.ts";
import { termSlug } from "../registry/normalize-term.ts";
import { compareNames } from "../taxonomy/term.ts";
import { isSafeSlug, sourceIndexUrl, sourceUrl } from "../urls.ts";
import { type Breadcrumbs, sourceBreadcrumbs } from "./breadcrumbs.ts";
import { type Pager, pageTitle, paginate } from "./paginate.ts";
import type { EntryOf, ListEntry, PlannedEntry } from "./views.ts";

export interface SourceLink {
  name: string;
  url: string;
  count: number;
}

/**
 * One page of the public articles based on one source, newest first: `count` is the source's
 * whole number of articles, `url` this page's address.
 */
export interface SourcePage<Entry = ListEntry> extends SourceLink {
  title: string;
  crumbs: Breadcrumbs;
  entries: Entry[];
  pager: Pager;
}

export interface Sources {
  pages: SourcePage<PlannedEntry>[];
  index: { url: string; title: string; sources: SourceLink[] };
  /** The page of an article's source, for its attribution and JSON-LD. */
  pageOf(article: Article): string | undefined;
}

/**
 * The slug of a source's name: `TASS` and `tass` share a page, like terms do. A name with
 * no letter or digit, or one whose slug is not URL-safe, gets no page.
 */
export function sourceSlug(name: string): string | undefined {
  const slug = termSlug(name);
  return slug && isSafeSlug(slug) ? slug : undefined;
}

/**
 * Pages of `pageSize` articles per source name, named by its first (newest) spelling,
 * planned.
 */
export function buildSources(
  articles: readonly Article[],
  siteTitle: string,
  pageSize: number,
  entryOf: EntryOf,
): Sources {
  const bySlug = new Map<string, { name: string; articles: Article[] }>();
  for (const article of articles) {
    const slug = article.source && sourceSlug(article.source.name);
    if (!article.source || !slug) continue;
    const source = bySlug.get(slug) ?? { name: article.source.name, articles: [] };
    source.articles.push(article);
    bySlug.set(slug, source);
  }
  const sources = [...bySlug.entries()]
    .map(([slug, source]) => ({ ...source, url: sourceUrl(slug) }))
    .sort((a, b) => compareNames(a.name, b.name));
  const pages = sources.flatMap((source) => {
    const crumbs = sourceBreadcrumbs({ name: source.name, url: source.url });
    return paginate(source.articles, pageSize, source.url).map(
      (page): SourcePage<PlannedEntry> => ({
        name: source.name,
        url: page.url,
        count: source.articles.length,
        title: pageTitle(`Articles based on ${source.name}`, page.pager.pageNumber, siteTitle),
        crumbs,
        entries: page.items.map((article) => entryOf(article)),
        pager: page.pager,
      }),
    );
  });
  const published = new Set(sources.map((source) => source.url));
  return {
    pages,
    index: {
      url: sourceIndexUrl,
      title: `Sources | ${siteTitle}`,
      sources: sources.map(({ name, url, articles }) => ({ name, url, count: articles.length })),
    },
    pageOf(article) {
      const slug = article.source && sourceSlug(article.source.name);
      const url = slug && sourceUrl(slug);
      return url && published.has(url) ? url : undefined;
    },
  };
}
