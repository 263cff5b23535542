import type { Article } from "../markdown/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { feedWithBodies } from "./feeds.ts";
import type { News, PageParts } from "./news.ts";
import { articleMeta } from "./page-meta.ts";

/**
 * The head metadata of article pages, made from the articles by address: from the same
 * article, source page and settings as the page's key (`articlePage`), so a page whose key is
 * unchanged has unchanged metadata too.
 */
export function articleMetaOf(
  articleAt: (url: string) => Article | undefined,
  settings: SiteSettings,
): PageParts["articleMeta"] {
  return (page) => {
    const article = articleAt(page.url);
    if (!article) throw new Error(`Internal error: no article for the page at ${page.url}`);
    return articleMeta(article, settings, () => page.sourcePage);
  };
}

/**
 * The site's data with what its pages show read in or made: each article page's HTML and
 * head metadata, and the full texts of the feeds. Called on the data of the pages about to
 * be written, never on the whole site.
 */
export function withPageParts(news: News, parts: PageParts): News {
  const pageMeta = { ...news.pageMeta };
  for (const page of news.articles) pageMeta[page.url] = parts.articleMeta(page);
  return {
    ...news,
    articles: news.articles.map((page) => ({ ...page, html: parts.bodyHtml(page.body) })),
    feeds: news.feeds.map((feed) => feedWithBodies(feed, news.site, parts.bodyHtml)),
    pageMeta,
  };
}
