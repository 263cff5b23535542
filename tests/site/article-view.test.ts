import { describe, expect, it } from "vitest";
import type { Article } from "../../src/markdown/article.ts";
import { articleView, dateView, entryUnder } from "../../src/site/article-view.ts";
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

describe("the key of an article's view", () => {
  const keyOf = (article: Article, locale = "en", nameOf = asWritten, scheduled = false) =>
    articleView(article, locale, nameOf, scheduled).key;

  it("is the same for the same article, language, names and schedule", () => {
    expect(keyOf(tiggoTalks)).toBe(keyOf(structuredClone(tiggoTalks)));
  });

  it.each<[string, (article: Article) => Article]>([
    ["headline", (a) => ({ ...a, title: "Chery and UAZ sign the Tiggo 4 Pro deal" })],
    ["summary", (a) => ({ ...a, summary: "Talks moved to Ulyanovsk." })],
    ["text", (a) => ({ ...a, body: { ...a.body, digest: "another body" } })],
    ["word count", (a) => ({ ...a, body: { ...a.body, wordCount: a.body.wordCount + 400 } })],
    ["date", (a) => ({ ...a, date: { ...a.date, iso: "2022-06-03", day: "2022-06-03" } })],
    ["update", (a) => ({ ...a, updated: undefined })],
    ["source", (a) => ({ ...a, source: { name: "Interfax" } })],
    [
      "partner status",
      (a) => ({
        ...a,
        partners: a.partners.map((p) => ({ ...p, status: "confirmed" as const })),
      }),
    ],
    ["draft state", (a) => ({ ...a, draft: true })],
    ["slug", (a) => ({ ...a, slug: "chery-uaz-talks", url: "/articles/chery-uaz-talks/" })],
  ])("changes with the article's %s", (_field, edit) => {
    expect(keyOf(edit(tiggoTalks))).not.toBe(keyOf(tiggoTalks));
  });

  it("changes with the site's language", () => {
    expect(keyOf(tiggoTalks, "ru")).not.toBe(keyOf(tiggoTalks, "en"));
  });

  it("changes with the name the index gives one of its terms", () => {
    const indexNames = new Map([["/companies/chery/", "Chery"]]);
    const renamed = (url: string, fallback: string) => indexNames.get(url) ?? fallback;
    expect(keyOf(tiggoTalks, "en", renamed)).not.toBe(keyOf(tiggoTalks));
  });

  it("changes when the article becomes scheduled", () => {
    expect(keyOf(tiggoTalks, "en", asWritten, true)).not.toBe(keyOf(tiggoTalks));
  });
});

describe("a card shown under one of its article's terms", () => {
  const view = articleView(tiggoTalks, "en", asWritten);

  it("links the article's other terms, not the one it is shown under", () => {
    const card = entryUnder(view, "/companies/chery/");
    expect(card.terms?.companies).toEqual([]);
    expect(card.terms?.partners.map((link) => link.url)).toEqual([
      "/partners/uaz/",
      "/partners/moskvich/",
    ]);
  });

  it("says under a partner how the article describes the partnership", () => {
    expect(entryUnder(view, "/partners/uaz/").partnerStatus).toEqual({
      status: "in-talks",
      label: "in talks",
    });
  });

  it("says nothing of a partnership under a company or a model", () => {
    expect(entryUnder(view, "/companies/chery/").partnerStatus).toBeUndefined();
    expect(entryUnder(view, "/models/chery-tiggo-4-pro/").partnerStatus).toBeUndefined();
  });

  it("has a key of its own under each term, since each shows other links", () => {
    const keys = ["/companies/chery/", "/partners/uaz/", "/models/chery-tiggo-4-pro/"].map(
      (url) => entryUnder(view, url).key,
    );
    expect(new Set(keys).size).toBe(3);
  });
});
