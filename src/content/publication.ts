import type { ArticleEntry } from "./article.ts";

type Dated = Pick<ArticleEntry, "draft" | "date">;

/** Dated after `today` (a day in the site's zone): it waits for a build on or after its day. */
export function isScheduled(article: Dated, today: string): boolean {
  return article.date.day > today;
}

/**
 * Whether readers may see an article in a build made on `today`: the one rule for what a
 * production build publishes and what feeds, sitemaps and lists of a preview show.
 */
export function isPublic(article: Dated, today: string): boolean {
  return !article.draft && !isScheduled(article, today);
}
