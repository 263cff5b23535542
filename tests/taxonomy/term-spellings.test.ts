import { beforeAll, describe, expect, it } from "vitest";
import type { News } from "../../src/site/news.ts";
import { termSpellings } from "../../src/taxonomy/term-spellings.ts";
import { fixtureContent, fixtureNews } from "../support/fixture-news.ts";

let news: News;
let spellings: Record<string, string[]>;

beforeAll(async () => {
  news = await fixtureNews();
  const { index, registry } = await fixtureContent();
  spellings = termSpellings(index, registry);
});

describe("termSpellings", () => {
  it("gives a term the name its page shows first", () => {
    expect(spellings["/companies/chery/"]?.[0]).toBe("Chery");
  });

  it("adds the registry's aliases, in any script", () => {
    expect(spellings["/companies/chery/"]).toContain("Чери");
  });

  it("adds each spelling the articles use, and a Latin reading of those in another script", () => {
    expect(spellings["/partners/moskvich/"]).toEqual(
      expect.arrayContaining(["Moskvich", "Москвич", "moskvich"]),
    );
  });

  it("lists each spelling once", () => {
    for (const names of Object.values(spellings)) {
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("has the spellings of every company, model and partner page", () => {
    const termUrls = news.termPages
      .filter((page) => page.pager.pageNumber === 1)
      .map((page) => page.url);
    expect(Object.keys(spellings).sort()).toEqual(termUrls.sort());
  });
});
