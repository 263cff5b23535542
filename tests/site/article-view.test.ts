import { describe, expect, it } from "vitest";
import { articleView, dateView } from "../../src/site/article-view.ts";
import { validArticle } from "../support/articles.ts";

const asWritten = (_url: string, fallback: string) => fallback;

const tiggoTalks = validArticle(
  "chery-uaz-tiggo-assembly",
  [
    "title: Chery and UAZ discuss assembling the Tiggo 4 Pro",
    "date: 2022-06-01T23:30:00+03:00",
    "updated: 2022-06-02",
    "company: CHERY",
    "models: Tiggo 4 Pro",
    "partners: [{ name: UAZ, status: in-talks }, Москвич]",
    "source: { name: TASS, url: https://tass.com/economy/1462151 }",
  ],
  "Chery is in talks with UAZ about assembling the Tiggo 4 Pro in Ulyanovsk.",
);

describe("the article as pages show it", () => {
  it("links each company, model and partner to its page", () => {
    const view = articleView(tiggoTalks, "en", asWritten);
    expect([
      view.companies,
      view.models,
      view.partners.map(({ name, url }) => ({ name, url })),
    ]).toEqual([
      [{ name: "CHERY", url: "/companies/chery/" }],
      [{ name: "Tiggo 4 Pro", url: "/models/chery-tiggo-4-pro/" }],
      [
        { name: "UAZ", url: "/partners/uaz/" },
        { name: "Москвич", url: "/partners/moskvich/" },
      ],
    ]);
  });

  it("spells terms as the index names them, not as this article wrote them", () => {
    const indexNames = new Map([["/companies/chery/", "Chery"]]);
    const view = articleView(tiggoTalks, "en", (url, fallback) => indexNames.get(url) ?? fallback);
    expect(view.companies).toEqual([{ name: "Chery", url: "/companies/chery/" }]);
  });

  it("labels each partner's status", () => {
    const view = articleView(tiggoTalks, "en", asWritten);
    expect(view.partners.map((partner) => [partner.status, partner.statusLabel])).toEqual([
      ["in-talks", "in talks"],
      ["mentioned", "mentioned"],
    ]);
  });

  it("shows the date as written and as the day in the site language", () => {
    expect(articleView(tiggoTalks, "ru", asWritten).date).toEqual({
      datetime: "2022-06-01T23:30:00+03:00",
      label: "1 июня 2022\u202fг.",
    });
  });

  it("shows the update day", () => {
    expect(articleView(tiggoTalks, "en", asWritten).updated).toEqual({
      datetime: "2022-06-02",
      label: "June 2, 2022",
    });
  });

  it("carries the source", () => {
    expect(articleView(tiggoTalks, "en", asWritten).source).toEqual({
      name: "TASS",
      url: "https://tass.com/economy/1462151",
    });
  });

  it("marks a scheduled article", () => {
    expect(articleView(tiggoTalks, "en", asWritten, true).scheduled).toBe(true);
  });

  it("reads a short article in one minute", () => {
    expect(articleView(tiggoTalks, "en", asWritten).readingMinutes).toBe(1);
  });

  it("reads 660 words in three minutes", () => {
    const long = validArticle(
      "chery-long-read",
      ["title: Chery in Russia", "date: 2022-06-01", "company: Chery"],
      "Chery assembles crossovers. ".repeat(220),
    );
    expect(articleView(long, "en", asWritten).readingMinutes).toBe(3);
  });

  it("has no update or source when the article gives none", () => {
    const plain = validArticle("chery-dealers", [
      "title: Chery opens dealers",
      "date: 2022-06-01",
      "company: Chery",
    ]);
    const view = articleView(plain, "en", asWritten);
    expect(["updated" in view, "source" in view]).toEqual([false, false]);
  });
});

it("formats a bare day for the site language", () => {
  const date = { iso: "2022-06-01", day: "2022-06-01", hasTime: false, instant: 0 };
  expect(dateView(date, "en")).toEqual({ datetime: "2022-06-01", label: "June 1, 2022" });
});
