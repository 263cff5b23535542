import { describe, expect, it } from "vitest";
import { isoWeekOf, monthOf } from "../../src/site/calendar.ts";
import { digestUrl } from "../../src/urls.ts";

describe("isoWeekOf", () => {
  it("puts New Year's Eve 2020 in week 53 of 2020", () => {
    expect(isoWeekOf("2020-12-31").key).toBe("2020-W53");
  });

  it("keeps Sunday 3 January 2021 in week 53 of 2020", () => {
    expect(isoWeekOf("2021-01-03").key).toBe("2020-W53");
  });

  it("starts week 1 of 2021 on Monday 4 January", () => {
    expect(isoWeekOf("2021-01-04")).toMatchObject({
      key: "2021-W01",
      firstDay: "2021-01-04",
      lastDay: "2021-01-10",
    });
  });

  it("puts Monday 30 December 2024 in week 1 of 2025", () => {
    const week = isoWeekOf("2024-12-30");
    expect(digestUrl(week.weekYear, week.weekNumber)).toBe("/digest/2025-w01/");
  });
});

describe("monthOf", () => {
  it("files an article by the calendar day written on it", () => {
    expect(monthOf("2022-06-30")).toEqual({ year: 2022, month: 6, key: "2022-06" });
  });
});
