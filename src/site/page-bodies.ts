import type { BodyHtml } from "../markdown/body.ts";
import { feedWithBodies } from "./feeds.ts";
import type { News } from "./news.ts";

/**
 * The site's data with the bodies its pages show read in: each article page's HTML, and the
 * full texts of the feeds. Called on the data of the pages about to be written, never on the
 * whole site, so that a build holds the HTML of the pages it writes, not of every article.
 */
export function withPageBodies(news: News, bodyHtml: BodyHtml): News {
  return {
    ...news,
    articles: news.articles.map((page) => ({ ...page, html: bodyHtml(page.body) })),
    feeds: news.feeds.map((feed) => feedWithBodies(feed, news.site, bodyHtml)),
  };
}
