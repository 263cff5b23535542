import { beforeAll, describe, expect, it } from "vitest";
import type { News } from "../../src/site/news.ts";
import { fixtureNews } from "../support/fixture-news.ts";

let news: News;

beforeAll(async () => {
  news = await fixtureNews();
});

describe("termSpellings", () => {
  it("gives a term the name its page shows first", () => {
    expect(news.termSpellings["/companies/chery/"]?.[0]).toBe("Chery");
  });

  it("adds the registry's aliases, in any script", () => {
    expect(news.termSpellings["/companies/chery/"]).toContain("Чери");
  });

  it("adds each spelling the articles use, and a Latin reading of those in another script", () => {
    expect(news.termSpellings["/partners/moskvich/"]).toEqual(
      expect.arrayContaining(["Moskvich", "Москвич", "moskvich"]),
    );
  });

  it("lists each spelling once", () => {
    for (const spellings of Object.values(news.termSpellings)) {
      expect(new Set(spellings).size).toBe(spellings.length);
    }
  });

  it("has the spellings of every company, model and partner page", () => {
    const termUrls = news.termPages
      .filter((page) => page.pager.pageNumber === 1)
      .map((page) => page.url);
    expect(Object.keys(news.termSpellings).sort()).toEqual(termUrls.sort());
  });
});
