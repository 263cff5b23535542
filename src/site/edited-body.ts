import { isScheduled } from "../content/publication.ts";
import type { Article } from "../markdown/article.ts";
import { articleView } from "./article-view.ts";
import { articleBreadcrumbs } from "./breadcrumbs.ts";
import type { News } from "./news.ts";
import { articleMeta } from "./page-meta.ts";

/**
 * Whether `after` is `before` with only its text edited: every field but the body and the
 * summary the same. Then no other page's data decides anything on the article's own page
 * (term names, related articles, addresses and links come from the front-matter), and
 * `withEditedBody` makes that page's data exactly as `buildSiteData` would.
 */
export function isBodyEdit(before: Article, after: Article): boolean {
  // The body is the text rendered; the summary, when none is written, its first paragraph.
  const rest = ({ body: _body, summary: _summary, ...fields }: Article) => JSON.stringify(fields);
  return before.file === after.file && rest(before) === rest(after);
}

/**
 * The site's data with the page of an article whose text alone was edited made again from
 * the article (see `isBodyEdit`): its view and head metadata. The other pages that show the
 * article (lists, feeds, related articles) keep the text `news` was built with.
 */
export function withEditedBody(news: News, article: Article, today: string): News {
  const position = news.articles.findIndex((page) => page.file === article.file);
  const before = news.articles[position];
  if (!before) throw new Error(`Internal error: ${article.file} has no page in the site's data`);
  const termLinks = [...before.companies, ...before.models, ...before.partners];
  const nameOf = (url: string, fallback: string) =>
    termLinks.find((link) => link.url === url)?.name ?? fallback;
  const view = articleView(article, news.site.language, nameOf, isScheduled(article, today));
  const articles = [...news.articles];
  articles[position] = { ...before, ...view, crumbs: articleBreadcrumbs(view) };
  const meta = articleMeta(article, news.site, () => before.sourcePage);
  return { ...news, articles, pageMeta: { ...news.pageMeta, [article.url]: meta } };
}
