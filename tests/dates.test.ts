import { describe, expect, it } from "vitest";
import {
  type ArticleDate,
  formatDay,
  isValidTimeZone,
  parseArticleDate,
  todayIn,
} from "../src/dates.ts";

function parsed(value: string, timeZone = "Europe/Moscow"): ArticleDate {
  const result = parseArticleDate(value, timeZone);
  if (!result.ok) throw new Error(`${value} did not parse: ${result.reason}`);
  return result.date;
}

describe("a date-only value", () => {
  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "UTC"])(
    "is the calendar day written in the site zone %s",
    (timeZone) => {
      const date = parsed("2022-06-01", timeZone);
      expect([date.day, date.iso, date.hasTime]).toEqual(["2022-06-01", "2022-06-01", false]);
    },
  );

  it.each(["America/Los_Angeles", "Pacific/Kiritimati"])(
    "is formatted as the day written whatever the site zone %s",
    (timeZone) => {
      expect(formatDay(parsed("2022-06-01", timeZone), "en")).toBe("June 1, 2022");
    },
  );

  it("is placed at midnight in the site's zone for ordering", () => {
    expect(parsed("2022-06-01", "Pacific/Kiritimati").instant).toBe(
      Date.parse("2022-05-31T10:00:00Z"),
    );
  });
});

describe("a date-time value", () => {
  it("keeps the day of its own offset though it is the day before in UTC", () => {
    const date = parsed("2022-06-01T01:30:00+03:00", "America/Los_Angeles");
    expect([new Date(date.instant).toISOString().slice(0, 10), date.day]).toEqual([
      "2022-05-31",
      "2022-06-01",
    ]);
  });

  it("keeps 1 June for 23:30 at +03:00 in a site west of UTC", () => {
    expect(parsed("2022-06-01T23:30:00+03:00", "America/Los_Angeles").day).toBe("2022-06-01");
  });

  it("is formatted as the day written in its offset", () => {
    expect(formatDay(parsed("2022-06-01T01:30:00+03:00", "America/Los_Angeles"), "en")).toBe(
      "June 1, 2022",
    );
  });

  it("is kept as written with its offset", () => {
    expect(parsed("2022-06-01T23:30:00+03:00").iso).toBe("2022-06-01T23:30:00+03:00");
  });

  it("orders by the moment, not the day", () => {
    expect(parsed("2022-06-01T23:30:00+03:00").instant).toBe(Date.parse("2022-06-01T20:30:00Z"));
  });

  it("accepts Z as the offset", () => {
    expect(parsed("2022-06-01T09:15Z").day).toBe("2022-06-01");
  });
});

describe("values that are not dates", () => {
  it.each(["2022-02-30", "2022-13-01", "2022-06-01T25:00:00+03:00"])(
    "calls %s impossible",
    (value) => {
      expect(parseArticleDate(value, "Europe/Moscow")).toEqual({ ok: false, reason: "impossible" });
    },
  );

  it.each(["1 June 2022", "2022-6-1", "01.06.2022", "2022-06-01T23:30:00"])(
    "calls %s the wrong format",
    (value) => {
      expect(parseArticleDate(value, "Europe/Moscow")).toEqual({ ok: false, reason: "format" });
    },
  );
});

describe("formatting in the site language", () => {
  it("writes June 1, 2022 in English", () => {
    expect(formatDay(parsed("2022-06-01"), "en")).toBe("June 1, 2022");
  });

  it("writes 1 июня 2022 г. in Russian", () => {
    // ICU joins the year and "г." with a narrow no-break space, so the abbreviation never wraps alone.
    expect(formatDay(parsed("2022-06-01"), "ru")).toBe("1 июня 2022\u202fг.");
  });
});

describe("today", () => {
  it("is the site zone's day, already 2 June in Vladivostok at 15:30 UTC on 1 June", () => {
    expect(todayIn("Asia/Vladivostok", new Date("2022-06-01T15:30:00Z"))).toBe("2022-06-02");
  });

  it("is still 1 June in Los Angeles at 15:30 UTC", () => {
    expect(todayIn("America/Los_Angeles", new Date("2022-06-01T15:30:00Z"))).toBe("2022-06-01");
  });
});

describe("time zones", () => {
  it("knows Europe/Moscow", () => {
    expect(isValidTimeZone("Europe/Moscow")).toBe(true);
  });

  it("does not know Moscow/Kremlin", () => {
    expect(isValidTimeZone("Moscow/Kremlin")).toBe(false);
  });
});

it("spells a Russian day alike whatever offset the moment was written in", () => {
  const labels = ["2022-06-01", "2022-06-01T23:30:00+03:00", "2022-06-01T23:30:00+05:30"].map(
    (value) => formatDay(parsed(value), "ru"),
  );
  expect(new Set(labels)).toEqual(new Set(["1 июня 2022\u202fг."]));
});
