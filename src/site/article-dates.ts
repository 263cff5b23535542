import { DateTime } from "luxon";
import { cached } from "../cached.ts";
import type { ArticleDate } from "../dates.ts";
import type { Article } from "../markdown/article.ts";

/**
 * When an article last changed: the latest of its date, its `updated` and its corrections.
 * Feeds, sitemaps and JSON-LD all read this one answer.
 */
export function lastModified(article: Article): ArticleDate {
  let latest =
    article.updated && article.updated.instant > article.date.instant
      ? article.updated
      : article.date;
  for (const correction of article.corrections ?? []) {
    if (correction.date.instant > latest.instant) latest = correction.date;
  }
  return latest;
}

/**
 * A full RFC 3339 timestamp, as Atom, JSON Feed and sitemaps require. A bare day becomes
 * midnight in the site's zone, the moment the article is ordered by.
 */
export function timestamp(date: ArticleDate, timeZone: string): string {
  return date.hasTime ? date.iso : zonedMoment(String(date.instant), timeZone);
}

const zonedMoment = cached(
  (instant: string, timeZone: string): string =>
    DateTime.fromMillis(Number(instant), { zone: timeZone }).toISO({
      suppressMilliseconds: true,
    }) ?? new Date(Number(instant)).toISOString(),
);

/**
 * The newest moment among articles, for a feed's or a list page's own `updated`. A caller
 * that asks about the same articles again and again may pass a `modifiedOf` that remembers.
 */
export function newestModified(
  articles: readonly Article[],
  modifiedOf: (article: Article) => ArticleDate = lastModified,
): ArticleDate | undefined {
  let newest: ArticleDate | undefined;
  for (const article of articles) {
    const modified = modifiedOf(article);
    if (!newest || modified.instant > newest.instant) newest = modified;
  }
  return newest;
}
