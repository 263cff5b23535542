import type { News } from "../site/news.ts";
import { pathPrefixOf, publishedUrl } from "../urls.ts";

/**
 * The `publishedUrl` filter: how a page links a site URL, under the path of the site being
 * written (`/articles/x/` → `/news-digest/articles/x/`). The path is read from the page's own
 * data at each call, never kept: Eleventy keeps layouts compiled by an earlier run of the
 * same process, with that run's filters, so a filter holding a run's state would link the
 * next run's pages under the previous site's path. Macros are imported `with context` so
 * they see the page's data too.
 */
export function publishedUrlFilter(this: { ctx?: { news?: News } }, url: string): string {
  const site = this.ctx?.news?.site;
  if (!site) {
    throw new Error(
      "Internal error: `publishedUrl` used where the page's data is not in reach (import macros `with context`)",
    );
  }
  return publishedUrl(pathPrefixOf(site.baseUrl), url);
}
