import { isScheduled } from "../content/publication.ts";
import type { Article } from "../markdown/article.ts";
import { articleView } from "./article-view.ts";
import { articleBreadcrumbs } from "./breadcrumbs.ts";
import { correctionViews } from "./corrections.ts";
import type { News } from "./news.ts";
import { articlePage } from "./site-data.ts";

/**
 * What an article's own page alone makes of it: its text and summary, its headline, when it
 * was updated and its corrections (and where they are written in the file). Other pages show
 * some of them too (lists, feeds, the corrections page), but none of the article page's data
 * comes from them: no order, address, name or neighbour depends on them.
 */
const OWN_PAGE_FIELDS = [
  "body",
  "summary",
  "title",
  "updated",
  "corrections",
  "bodyStartLine",
  "datePlace",
] as const;

/**
 * The article's fields that other pages' data, or its own page's place among them, depend on;
 * without where each name is written (`place`), which only messages tell, and which a line
 * added above it moves.
 */
function sharedFields(article: Article): string {
  const fields: Record<string, unknown> = { ...article };
  for (const field of OWN_PAGE_FIELDS) delete fields[field];
  return JSON.stringify(fields, (key, value) => (key === "place" ? undefined : value));
}

/**
 * Whether `after` is `before` with only fields its own page alone makes something of edited
 * (see `OWN_PAGE_FIELDS`): its text, headline, update, corrections. Then `withEditedArticle`
 * makes that page's data exactly as `buildSiteData` would. An edit of its date, names, slug,
 * source, picture or state moves it among other pages, and is left to a full load.
 */
export function isOwnPageEdit(before: Article, after: Article): boolean {
  return before.file === after.file && sharedFields(before) === sharedFields(after);
}

/**
 * The site's data with the page of an article edited as `isOwnPageEdit` allows made again
 * from the article: its view, breadcrumbs and corrections (its head metadata is made from the
 * article as the page is written: `PageParts`). The other pages that show the article (lists,
 * feeds, related articles) keep what `news` was built with.
 */
export function withEditedArticle(news: News, article: Article, today: string): News {
  const position = news.articles.findIndex((page) => page.file === article.file);
  const before = news.articles[position];
  if (!before) throw new Error(`Internal error: ${article.file} has no page in the site's data`);
  const termLinks = [...before.companies, ...before.models, ...before.partners];
  const nameOf = (url: string, fallback: string) =>
    termLinks.find((link) => link.url === url)?.name ?? fallback;
  const { language } = news.site;
  const view = articleView(article, language, nameOf, isScheduled(article, today));
  const articles = [...news.articles];
  articles[position] = articlePage(view, {
    crumbs: articleBreadcrumbs(view),
    related: before.related,
    corrections: correctionViews(article, language),
    ...(before.sourcePage ? { sourcePage: before.sourcePage } : {}),
  });
  return { ...news, articles };
}
