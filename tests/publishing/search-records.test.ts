import { beforeAll, describe, expect, it } from "vitest";
import type { News } from "../../src/pages/site-data.ts";
import { plainText, searchRecords } from "../../src/publishing/search-records.ts";
import { fixtureNews } from "../support/fixture-news.ts";

let news: News;

beforeAll(async () => {
  news = await fixtureNews();
});

describe("plainText", () => {
  it("keeps the words of a body and drops its markup", () => {
    expect(
      plainText("<p>Chery will assemble the <strong>Tiggo 4 Pro</strong> in Russia.</p>"),
    ).toBe("Chery will assemble the Tiggo 4 Pro in Russia.");
  });

  it("separates words that only the end of a paragraph or list item kept apart", () => {
    expect(plainText("<h2>Plans</h2><p>Assembly</p><ul><li>UAZ</li><li>Moskvich</li></ul>")).toBe(
      "Plans Assembly UAZ Moskvich",
    );
  });

  it("decodes entities as a reader sees them", () => {
    expect(plainText("<p>R&amp;D centre &quot;Wuhu&quot; &lt;1 km&gt;</p>")).toBe(
      'R&D centre "Wuhu" <1 km>',
    );
  });
});

describe("searchRecords", () => {
  it("makes one record per published article, at its page's address", () => {
    const records = searchRecords(news);
    expect(records.map((record) => record.url)).toEqual(news.articles.map((a) => a.url));
    expect(records.some((record) => record.url.includes("draft"))).toBe(false);
  });

  it("titles a record with its article's title and writes it in the site's language", () => {
    const record = searchRecords(news).find(
      (entry) => entry.url === "/articles/chery-localization-russia/",
    );
    expect(record?.meta.title).toBe("Chery makes localizing car assembly in Russia a top priority");
    expect(record?.language).toBe("en");
    expect(record?.content).toContain("Tiggo 4 Pro");
    expect(record?.content).not.toContain("<");
  });

  it("filters by the names of the article's company, models and partners", () => {
    const record = searchRecords(news).find(
      (entry) => entry.url === "/articles/chery-localization-russia/",
    );
    expect(record?.filters).toEqual({
      company: ["Chery"],
      model: ["Tiggo 4 Pro"],
      partner: expect.arrayContaining(["UAZ"]),
    });
  });

  it("leaves out a kind of filter the article has no names of", () => {
    const withoutPartners = news.articles.find((article) => article.partners.length === 0);
    const record = searchRecords(news).find((entry) => entry.url === withoutPartners?.url);
    expect(record && "partner" in record.filters).toBe(false);
  });
});
