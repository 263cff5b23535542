import type { Article } from "../markdown/article.ts";
import { termSlug } from "../registry/normalize-term.ts";
import { isSafeSlug, sourceIndexUrl, sourceUrl } from "../urls.ts";
import { type Breadcrumbs, sourceBreadcrumbs } from "./breadcrumbs.ts";
import type { ArticleView, ListEntry } from "./views.ts";

export interface SourceLink {
  name: string;
  url: string;
  count: number;
}

/** Every public article based on one source, newest first. */
export interface SourcePage extends SourceLink {
  title: string;
  crumbs: Breadcrumbs;
  entries: ListEntry[];
}

export interface Sources {
  pages: SourcePage[];
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

/** A page per source name, named by its first (newest) spelling. */
export function buildSources(
  articles: readonly Article[],
  siteTitle: string,
  viewOf: (article: Article) => ArticleView,
): Sources {
  const bySlug = new Map<string, { name: string; articles: Article[] }>();
  for (const article of articles) {
    const slug = article.source && sourceSlug(article.source.name);
    if (!article.source || !slug) continue;
    const source = bySlug.get(slug) ?? { name: article.source.name, articles: [] };
    source.articles.push(article);
    bySlug.set(slug, source);
  }
  const pages = [...bySlug.entries()]
    .map(
      ([slug, source]): SourcePage => ({
        name: source.name,
        url: sourceUrl(slug),
        count: source.articles.length,
        title: `Articles based on ${source.name} | ${siteTitle}`,
        crumbs: sourceBreadcrumbs({ name: source.name, url: sourceUrl(slug) }),
        entries: source.articles.map((article) => ({ article: viewOf(article) })),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  const published = new Set(pages.map((page) => page.url));
  return {
    pages,
    index: {
      url: sourceIndexUrl,
      title: `Sources | ${siteTitle}`,
      sources: pages.map(({ name, url, count }) => ({ name, url, count })),
    },
    pageOf(article) {
      const slug = article.source && sourceSlug(article.source.name);
      const url = slug && sourceUrl(slug);
      return url && published.has(url) ? url : undefined;
    },
  };
}
