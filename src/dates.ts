import { DateTime } from "luxon";
import { cached } from "./cached.ts";

/**
 * An article date as the editor wrote it. A date-only value is a calendar day and never
 * moves across time zones; a date-time keeps the day and hour of the offset it was written in.
 */
export interface ArticleDate {
  /** The value as written, normalized: `2022-06-01` or `2022-06-01T23:30:00+03:00`. */
  iso: string;
  /** The calendar day the editor meant: `2022-06-01`. */
  day: string;
  /** Whether a time of day was given. */
  hasTime: boolean;
  /** Milliseconds since the epoch, for ordering; a bare day counts from midnight in the site's zone. */
  instant: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export type DateParseResult =
  | { ok: true; date: ArticleDate }
  | { ok: false; reason: "format" | "impossible" };

/** Parses `2022-06-01` or `2022-06-01T23:30:00+03:00`; `timeZone` places a bare day on the timeline. */
export const parseArticleDate = cached(function parseArticleDate(
  value: string,
  timeZone: string,
): DateParseResult {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    const day = DateTime.fromISO(text, { zone: timeZone });
    if (!day.isValid) return { ok: false, reason: "impossible" };
    return { ok: true, date: { iso: text, day: text, hasTime: false, instant: day.toMillis() } };
  }
  if (DATE_TIME_WITH_OFFSET.test(text)) {
    const moment = DateTime.fromISO(text, { setZone: true });
    if (!moment.isValid) return { ok: false, reason: "impossible" };
    return {
      ok: true,
      date: {
        iso: moment.toISO({ suppressMilliseconds: true }) ?? text,
        day: moment.toISODate() ?? text.slice(0, 10),
        hasTime: true,
        instant: moment.toMillis(),
      },
    };
  }
  return { ok: false, reason: "format" };
});

/** `1 June 2022` in the site's language, for the day the editor wrote. */
export function formatDay(date: ArticleDate, locale: string): string {
  return dayLabel(date.day, locale);
}

/** `1 June 2022` in the site's language, for a calendar day written `2022-06-01`. */
export const dayLabel = cached((isoDay: string, locale: string): string =>
  // The written day as a UTC calendar day: no zone can shift it, and every label takes one
  // path through Intl. Joined from its parts, as luxon's `DATE_FULL` does (a whole `format`
  // spaces some languages differently), with one formatter per language: a luxon date per
  // day took longer than the rest of the article views.
  fullDayFormat(locale)
    .formatToParts(new Date(`${isoDay}T00:00:00Z`))
    .map((part) => part.value)
    .join(""),
);

const fullDayFormat = cached(
  (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    }),
);

/** The site zone's calendar day at `now`: what "today" means for scheduling and new articles. */
export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local({ zone: timeZone }).isValid;
}
