/**
 * Addresses of the publishing pages: feeds, sitemaps, digests, archives, sources,
 * corrections and search. Every variable segment is a safe slug or a number.
 */
import { homeUrl } from "../urls.ts";

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
