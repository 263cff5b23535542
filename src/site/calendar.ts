import { DateTime } from "luxon";
import { cached } from "../cached.ts";

/** An ISO 8601 week: the year it belongs to may differ from the calendar year of its days. */
export interface IsoWeek {
  weekYear: number;
  weekNumber: number;
  /** `2020-W53`, sorting in calendar order. */
  key: string;
  /** Monday and Sunday of the week, `2020-12-28`. */
  firstDay: string;
  lastDay: string;
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** `2022-06`, sorting in calendar order. */
  key: string;
}

function dayOf(isoDay: string): DateTime {
  // The written calendar day, in UTC so no zone can move it to a neighbouring day.
  return DateTime.fromISO(isoDay, { zone: "utc" });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a calendar day; unlike `Date.UTC`, years below 100 are not taken for 19xx. */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

const isoDayAt = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 10);

/**
 * The ISO week of a calendar day written `2021-01-03`: weeks start on Monday, and a week
 * belongs to the year of its Thursday. Counted on UTC days, so no zone can move a day; plain
 * arithmetic, as a date library took longer for these few thousand days than the digests.
 */
export const isoWeekOf = cached(function isoWeekOf(isoDay: string): IsoWeek {
  const day = utcMidnight(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)),
    Number(isoDay.slice(8, 10)),
  );
  const daysSinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  const monday = day - daysSinceMonday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const weekNumber =
    Math.floor((thursday.getTime() - utcMidnight(weekYear, 1, 1)) / (7 * DAY_MS)) + 1;
  return {
    weekYear,
    weekNumber,
    key: `${weekYear}-W${String(weekNumber).padStart(2, "0")}`,
    firstDay: isoDayAt(monday),
    lastDay: isoDayAt(monday + 6 * DAY_MS),
  };
});

/** The calendar month of a day written `2022-06-01`. */
export function monthOf(isoDay: string): CalendarMonth {
  // Read from the text: a written day's year and month are its first digits, and a date
  // object per article cost more than the rest of the archive.
  return {
    year: Number(isoDay.slice(0, 4)),
    month: Number(isoDay.slice(5, 7)),
    key: isoDay.slice(0, 7),
  };
}

/** `June 2022` in the site's language. */
export function monthLabel(month: CalendarMonth, locale: string): string {
  return monthName(month.key, locale);
}

const monthName = cached((key: string, locale: string): string =>
  dayOf(`${key}-01`).setLocale(locale).toLocaleString({ month: "long", year: "numeric" }),
);
