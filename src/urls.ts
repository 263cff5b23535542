import { cached } from "./cached.ts";

/**
 * The site's URL scheme, in one place. Every segment is a slug checked by `isSafeSlug`,
 * so no URL can leave the output folder.
 */
export type TermKind = "company" | "model" | "partner";

const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lower-case letters, digits and single hyphens: nothing a path or URL could misread. */
export function isSafeSlug(slug: string): boolean {
  return SAFE_SLUG.test(slug);
}

const DIRECTORY_BY_KIND: Record<TermKind, string> = {
  company: "/companies/",
  model: "/models/",
  partner: "/partners/",
};

export const homeUrl = "/";

export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

export function directoryUrl(kind: TermKind): string {
  return DIRECTORY_BY_KIND[kind];
}

const BY_COUNT = "by-count";

/** Slugs a company or partner cannot have: their address belongs to a directory page. */
export const RESERVED_TERM_SLUGS: ReadonlySet<string> = new Set([BY_COUNT]);

/** The directory ordered by article count: `/companies/by-count/`. */
export function directoryByCountUrl(kind: TermKind): string {
  return `${DIRECTORY_BY_KIND[kind]}${BY_COUNT}/`;
}

/** `/companies/chery/`, `/models/chery-tiggo-4-pro/`, `/partners/uaz/`. */
export function termUrl(kind: TermKind, slug: string): string {
  return `${DIRECTORY_BY_KIND[kind]}${slug}/`;
}

/** Page 1 of a list lives at the list's own URL; page N at `…/page/N/`. */
export function pageUrl(firstPageUrl: string, pageNumber: number): string {
  return pageNumber <= 1 ? firstPageUrl : `${firstPageUrl}page/${pageNumber}/`;
}

/** Joins a site-relative URL to the configured base URL: `https://example.org/news/` + `/articles/x/`. */
export const absoluteUrl = cached(function absoluteUrl(baseUrl: string, path: string): string {
  // Cached: each page's URL is made absolute for its sitemap entry, its feeds' entries and
  // the JSON-LD of every page that lists it, and parsing a URL costs far more than a lookup.
  return new URL(path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
});

// Publishing pages: feeds, sitemaps, digests, archives, sources, corrections and search.

export const searchUrl = "/search/";
export const correctionsUrl = "/corrections/";
export const digestIndexUrl = "/digest/";
export const archiveIndexUrl = "/archive/";
export const sourceIndexUrl = "/sources/";
export const sitemapUrl = "/sitemap.xml";
export const newsSitemapUrl = "/news-sitemap.xml";

/** The Atom feed of a page: `/feed.xml`, `/companies/chery/feed.xml`. */
export function atomFeedUrl(pageUrl: string = homeUrl): string {
  return `${pageUrl}feed.xml`;
}

/** The JSON Feed of a page: `/feed.json`, `/companies/chery/feed.json`. */
export function jsonFeedUrl(pageUrl: string = homeUrl): string {
  return `${pageUrl}feed.json`;
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** `/digest/2022-w05/`. */
export function digestUrl(weekYear: number, weekNumber: number): string {
  return `/digest/${weekYear}-w${twoDigits(weekNumber)}/`;
}

/** `/archive/2022/06/`. */
export function archiveUrl(year: number, month: number): string {
  return `/archive/${year}/${twoDigits(month)}/`;
}

/** `/sources/tass/`. */
export function sourceUrl(slug: string): string {
  return `${sourceIndexUrl}${slug}/`;
}

/** The web editor and the files it loads: `/admin/`, `/admin/config.yml`. */
export function adminUrl(file = ""): string {
  return `/admin/${file}`;
}

/** The file a page URL is served from, inside the output: `/articles/x/` → `articles/x/index.html`. */
export function outputFileOf(url: string): string {
  return (url.endsWith("/") ? `${url}index.html` : url).slice(1);
}

// The site's own path: a site published under a path (`https://newsroom.github.io/news-digest/`)
// links its pages under that path. Site URLs above stay site-relative (`/articles/x/`): they
// name output files and pages; only what a page links is published under the path.

/** The path a site is published under: `https://x.github.io/news-digest/` → `/news-digest/`; `https://news.example.org/` → `/`. */
export function pathPrefixOf(baseUrl: string): string {
  const { pathname } = new URL(baseUrl);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/**
 * How a page links a site URL: `/articles/x/` under `/news-digest/` → `/news-digest/articles/x/`.
 * Anything not root-relative (other sites, `//host/…`, `#main`, `mailto:`) is left as written.
 */
export function publishedUrl(pathPrefix: string, url: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  return `${pathPrefix}${url.slice(1)}`;
}

/**
 * The site URL a published path links: `/news-digest/articles/x/` → `/articles/x/`; undefined
 * for a path outside the site's own (`/articles/x/` when the site is under `/news-digest/`).
 */
export function siteUrlOf(pathPrefix: string, path: string): string | undefined {
  if (path === pathPrefix.slice(0, -1)) return "/";
  return path.startsWith(pathPrefix) ? `/${path.slice(pathPrefix.length)}` : undefined;
}
