import type { AnySiteModel } from "./news.ts";

/** Every page URL a build of `news` writes, so links can be checked before anything is written. */
export function publishedUrls(news: AnySiteModel): Set<string> {
  // The sitemap lists every public page, publishing pages included, by absolute URL.
  const sitePath = (loc: string) => `/${loc.slice(news.site.baseUrl.length)}`;
  return new Set([
    ...news.sitemaps.entries.map((entry) => sitePath(entry.loc)),
    ...news.articles.map((article) => article.url),
    ...news.homePages.map((page) => page.url),
    ...news.termPages.map((page) => page.url),
    ...news.directoryPages.map((page) => page.url),
    ...news.redirects.map((redirect) => redirect.url),
  ]);
}
