import type { News } from "./site-data.ts";

/** Every page URL a build of `news` writes, so links can be checked before anything is written. */
export function publishedUrls(news: News): Set<string> {
  return new Set([
    ...news.articles.map((article) => article.url),
    ...news.homePages.map((page) => page.url),
    ...news.termPages.map((page) => page.url),
    ...news.directoryPages.map((page) => page.url),
    ...news.redirects.map((redirect) => redirect.url),
  ]);
}
