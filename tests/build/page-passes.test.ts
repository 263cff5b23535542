import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planPagePasses } from "../../src/build/page-passes.ts";
import { loadNews } from "../../src/load-news.ts";
import type { News } from "../../src/pages/site-data.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const NOW = new Date("2024-01-01T00:00:00Z");

let news: News;

beforeAll(async () => {
  const result = await loadNews({ contentDir: CORPUS, includeDrafts: false, now: NOW });
  if (!result.news) throw new Error("the fixture corpus did not load");
  news = result.news;
});

const urlsOf = (pages: ReadonlyArray<{ url: string }>) => pages.map((page) => page.url);

describe("planPagePasses", () => {
  it("writes article pages in passes of at most the given size, in the site's order", () => {
    const { articlePasses } = planPagePasses(news, new Set(), 10);
    expect(articlePasses.map((pass) => pass.pages)).toEqual(
      [10, 10, 10, news.articles.length - 30].filter((size) => size > 0),
    );
    expect(articlePasses.flatMap((pass) => urlsOf(pass.news.articles))).toEqual(
      urlsOf(news.articles),
    );
  });

  it("writes company, model and partner pages after the articles, each exactly once", () => {
    const { articlePasses, otherPasses } = planPagePasses(news, new Set(), 10);
    expect(articlePasses.every((pass) => pass.news.termPages.length === 0)).toBe(true);
    expect(otherPasses.flatMap((pass) => urlsOf(pass.news.termPages))).toEqual(
      urlsOf(news.termPages),
    );
    expect(otherPasses.every((pass) => pass.news.articles.length === 0)).toBe(true);
  });

  it("leaves every other page to the last pass, which sees the whole site's lists", () => {
    const { articlePasses, otherPasses } = planPagePasses(news, new Set(), 10);
    const last = otherPasses.at(-1)?.news;
    expect(last?.homePages).toBe(news.homePages);
    expect(last?.feeds).toBe(news.feeds);
    expect(last?.sitemaps).toBe(news.sitemaps);
    expect(last?.digests).toBe(news.digests);
    for (const pass of [...articlePasses, ...otherPasses.slice(0, -1)]) {
      expect(pass.news.homePages).toEqual([]);
      expect(pass.news.feeds).toEqual([]);
      expect(pass.news.redirects).toEqual([]);
      expect(pass.news.directoryPages).toEqual([]);
      expect(pass.news.sourcePages).toEqual([]);
      expect(pass.news.digests.pages).toEqual([]);
      expect(pass.news.archives.pages).toEqual([]);
      expect(pass.news.sitemaps.entries).toEqual([]);
      expect(pass.news.sitemaps.news.entries).toEqual([]);
    }
  });

  it("leaves out the pages kept from the previous build", () => {
    const kept = new Set([
      "/articles/chery-localization-russia/",
      "/companies/chery/",
      "/partners/uaz/",
    ]);
    const { articlePasses, otherPasses } = planPagePasses(news, kept);
    const written = [
      ...articlePasses.flatMap((pass) => urlsOf(pass.news.articles)),
      ...otherPasses.flatMap((pass) => urlsOf(pass.news.termPages)),
    ];
    expect(written.filter((url) => kept.has(url))).toEqual([]);
    expect(written).toHaveLength(news.articles.length + news.termPages.length - kept.size);
  });

  it("still writes the site's other pages when every article and term page is kept", () => {
    const everything = new Set([...urlsOf(news.articles), ...urlsOf(news.termPages)]);
    const { articlePasses, otherPasses } = planPagePasses(news, everything);
    expect(articlePasses).toEqual([]);
    expect(otherPasses).toHaveLength(1);
    expect(otherPasses[0]?.pages).toBe(0);
    expect(otherPasses[0]?.news.homePages).toBe(news.homePages);
  });
});
