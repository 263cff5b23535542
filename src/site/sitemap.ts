import { onceEach } from "../cached.ts";
import type { Article } from "../markdown/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { absoluteUrl, newsSitemapUrl, sitemapUrl } from "../urls.ts";
import { lastModified, newestModified, timestamp } from "./article-dates.ts";
import { xmlSafe } from "./feeds.ts";

/** A public page and the articles it shows, which date its last change. */
export interface PublicPage {
  url: string;
  articles: readonly Article[];
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publicationDate: string;
}

export interface Sitemaps {
  entries: SitemapEntry[];
  news: {
    publicationName: string;
    /** Google News wants an ISO 639 code: `en`, `ru`, `zh-cn`. */
    language: string;
    entries: NewsSitemapEntry[];
  };
  /** Absolute URLs of both sitemaps, for `robots.txt`. */
  sitemapUrls: string[];
}

/**
 * Google News names languages by ISO 639 code, with a region only for Chinese:
 * `en-GB` → `en`, `zh-TW` → `zh-tw`.
 */
export function newsLanguage(tag: string): string {
  const [language = tag, region] = tag.toLowerCase().split(/[-_]/);
  return language === "zh" && region ? `zh-${region}` : language;
}

/** Google News reads only articles of the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** Each page once, its `lastmod` the latest change among the articles it shows. */
export function sitemapEntries(
  pages: readonly PublicPage[],
  settings: SiteSettings,
): SitemapEntry[] {
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  // Each article is on several pages (its terms', its week's, its month's): its last change
  // is read once. And the directories and the digest and archive indexes all show the one
  // list of every article: its newest change is found once, not once per page.
  const modifiedOf = onceEach(lastModified);
  const newestOf = onceEach((articles: readonly Article[]) => newestModified(articles, modifiedOf));
  for (const page of pages) {
    if (seen.has(page.url)) continue;
    seen.add(page.url);
    const newest = newestOf(page.articles);
    entries.push({
      loc: absoluteUrl(settings.baseUrl, page.url),
      ...(newest ? { lastmod: timestamp(newest, settings.timeZone) } : {}),
    });
  }
  return entries;
}

/**
 * Articles published within two days of the newest one. Measured from the newest article
 * rather than the clock, so a build is the same whenever it runs.
 */
export function newsSitemapEntries(
  articles: readonly Article[],
  settings: SiteSettings,
): NewsSitemapEntry[] {
  const newest = Math.max(...articles.map((article) => article.date.instant));
  return articles
    .filter((article) => article.date.instant >= newest - NEWS_SITEMAP_WINDOW_MS)
    .map((article) => ({
      loc: absoluteUrl(settings.baseUrl, article.url),
      title: xmlSafe(article.title),
      publicationDate: timestamp(article.date, settings.timeZone),
    }));
}

/** The sitemap of every public page and the Google News sitemap; only public articles. */
export function buildSitemaps(
  pages: readonly PublicPage[],
  articles: readonly Article[],
  settings: SiteSettings,
): Sitemaps {
  return {
    entries: [
      ...sitemapEntries(pages, settings),
      ...articles.map((article) => ({
        loc: absoluteUrl(settings.baseUrl, article.url),
        lastmod: timestamp(lastModified(article), settings.timeZone),
      })),
    ],
    news: {
      publicationName: xmlSafe(settings.title),
      language: newsLanguage(settings.language),
      entries: newsSitemapEntries(articles, settings),
    },
    sitemapUrls: [sitemapUrl, newsSitemapUrl].map((url) => absoluteUrl(settings.baseUrl, url)),
  };
}
