import type { News } from "../pages/site-data.ts";

/**
 * Eleventy keeps every page it renders, with its data, until its run ends. Pages are
 * therefore written in passes of at most this many article or term pages each, so memory
 * stays flat however large the site grows.
 */
export const PAGES_PER_PASS = 2500;

/** One Eleventy run: the site's data narrowed to the pages this run writes. */
export interface PagePass {
  news: News;
  /** Article and term pages this pass writes (the last pass writes the site's other pages too). */
  pages: number;
}

/** Article pages first, so search can index them while the other pages are written. */
export interface PagePlan {
  articlePasses: PagePass[];
  /** Company, model and partner pages, then every other page from the full data, last. */
  otherPasses: PagePass[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/**
 * The site's data for a pass that writes only the given article and term pages. Every other
 * paginated list is emptied; the few single pages (search, robots, the sitemaps…) are written
 * from emptied lists and rewritten whole by the last pass, which sees the full data.
 */
function narrowed(news: News, pages: Pick<News, "articles" | "termPages">): News {
  return {
    ...news,
    ...pages,
    homePages: [],
    directoryPages: [],
    redirects: [],
    feeds: [],
    sourcePages: [],
    digests: { ...news.digests, pages: [] },
    archives: { ...news.archives, pages: [] },
    sitemaps: { ...news.sitemaps, entries: [], news: { ...news.sitemaps.news, entries: [] } },
  };
}

/**
 * Splits the writing of a site into passes: article pages, then company, model and partner
 * pages, and last every other page from the full data. Pages in `reused` are already in place
 * and are not written again.
 */
export function planPagePasses(
  news: News,
  reused: ReadonlySet<string>,
  pagesPerPass: number = PAGES_PER_PASS,
): PagePlan {
  const articles = news.articles.filter((article) => !reused.has(article.url));
  const termPages = news.termPages.filter((page) => !reused.has(page.url));
  const termChunks = chunks(termPages, pagesPerPass);
  const lastTerms = termChunks.pop() ?? [];
  return {
    articlePasses: chunks(articles, pagesPerPass).map((chunk) => ({
      news: narrowed(news, { articles: chunk, termPages: [] }),
      pages: chunk.length,
    })),
    otherPasses: [
      ...termChunks.map((chunk) => ({
        news: narrowed(news, { articles: [], termPages: chunk }),
        pages: chunk.length,
      })),
      { news: { ...news, articles: [], termPages: lastTerms }, pages: lastTerms.length },
    ],
  };
}
