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

/** The ISO week of a calendar day written `2021-01-03`. */
export const isoWeekOf = cached(function isoWeekOf(isoDay: string): IsoWeek {
  const day = dayOf(isoDay);
  const monday = day.startOf("week");
  return {
    weekYear: day.weekYear,
    weekNumber: day.weekNumber,
    key: `${day.weekYear}-W${String(day.weekNumber).padStart(2, "0")}`,
    firstDay: monday.toISODate() ?? isoDay,
    lastDay: monday.plus({ days: 6 }).toISODate() ?? isoDay,
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
