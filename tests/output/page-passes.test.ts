import { beforeAll, describe, expect, it } from "vitest";
import { type PagePass, planPagePasses } from "../../src/output/page-passes.ts";
import type { SitePlan, SiteToWrite } from "../../src/site/news.ts";
import { PAGE_LISTS } from "../../src/site/page-lists.ts";
import { fixturePlannedSite } from "../support/fixture-news.ts";

/** The fixture site as a build plans it, and its plan. */
let site: SiteToWrite<SitePlan>;
let news: SitePlan;

beforeAll(async () => {
  ({ site } = await fixturePlannedSite());
  news = site.plan;
});

/** Every file URL a pass's lists write, in list order. */
function urlsWritten(passes: readonly PagePass[]): string[] {
  return passes.flatMap((pass) =>
    PAGE_LISTS.flatMap((list) => list.items(pass.news).flatMap((item) => list.urlsOf(item))),
  );
}

/** List items with a fingerprint: what the passes share out. */
const fingerprintedCount = () =>
  PAGE_LISTS.filter((list) => list.reads).reduce((sum, list) => sum + list.items(news).length, 0);

/** List items without one (directories, redirects): written with the single pages. */
const withSinglePagesCount = () =>
  PAGE_LISTS.filter((list) => !list.reads).reduce((sum, list) => sum + list.items(news).length, 0);

const allUrls = () =>
  PAGE_LISTS.flatMap((list) => list.items(news).flatMap((item) => list.urlsOf(item)));

describe("planPagePasses", () => {
  it("writes pages in passes of at most the given size, article pages first", () => {
    const passes = planPagePasses(site, new Set(), { pagesPerPass: 10 });
    expect(passes.every((pass) => pass.pages <= 10)).toBe(true);
    const articleUrls = news.articles.map((article) => article.url);
    expect(urlsWritten(passes).slice(0, articleUrls.length)).toEqual(articleUrls);
  });

  it("writes every page of every list exactly once", () => {
    const written = urlsWritten(planPagePasses(site, new Set(), { pagesPerPass: 10 }));
    expect(written.sort()).toEqual(allUrls().sort());
  });

  it("gives only the last pass the full sitemaps, which it writes last", () => {
    const passes = planPagePasses(site, new Set(), { pagesPerPass: 10 });
    expect(passes.at(-1)?.news.sitemaps).toBe(news.sitemaps);
    for (const pass of passes.slice(0, -1)) {
      expect(pass.news.sitemaps.entries).toEqual([]);
      expect(pass.news.sitemaps.news.entries).toEqual([]);
    }
  });

  it("hands every pass only the head metadata of its own pages", () => {
    const passes = planPagePasses(site, new Set(), { pagesPerPass: 10 });
    for (const pass of passes) {
      const own = new Set(
        PAGE_LISTS.flatMap((list) => list.items(pass.news).flatMap((item) => list.urlsOf(item))),
      );
      expect(Object.keys(pass.news.pageMeta).filter((url) => !own.has(url))).toEqual([]);
    }
    const chery = "/companies/chery/";
    const withChery = passes.find((pass) => pass.news.termPages.some((page) => page.url === chery));
    expect(news.pageMeta[chery]).toBeDefined();
    expect(withChery?.news.pageMeta[chery]?.title).toBe("Chery");
  });

  it("leaves out the pages kept from the previous build", () => {
    const kept = new Set(["/articles/chery-localization-russia/", "/companies/chery/", "/"]);
    const written = urlsWritten(planPagePasses(site, kept));
    expect(written.filter((url) => kept.has(url))).toEqual([]);
    expect(written).toHaveLength(allUrls().length - kept.size);
  });

  it("writes both files of a feed when only one of them was kept", () => {
    const written = urlsWritten(planPagePasses(site, new Set(["/feed.xml"])));
    expect(written).toContain("/feed.xml");
    expect(written).toContain("/feed.json");
  });

  it("still writes the single pages when every list's page is kept", () => {
    const passes = planPagePasses(site, new Set(allUrls()));
    expect(passes).toHaveLength(1);
    expect(passes[0]?.singlePages).toBe(true);
    expect(passes[0]?.pages).toBe(withSinglePagesCount());
    expect(passes[0]?.news.sitemaps).toBe(news.sitemaps);
  });

  it("writes the single pages, with the directories and redirects, in the last pass only", () => {
    const passes = planPagePasses(site, new Set(), { pagesPerPass: 10 });
    expect(passes.map((pass) => pass.singlePages)).toEqual([
      ...passes.slice(0, -1).map(() => false),
      true,
    ]);
    const directories = news.directoryPages.map((page) => page.url);
    expect(urlsWritten(passes.slice(0, -1)).filter((url) => directories.includes(url))).toEqual([]);
    expect(urlsWritten(passes.slice(-1))).toEqual(expect.arrayContaining(directories));
  });

  it("plans no pass at all when every page is kept and the single pages too", () => {
    expect(planPagePasses(site, new Set(allUrls()), { keepSinglePages: true })).toEqual([]);
  });

  it("plans only the pages to write again when the single pages are kept", () => {
    const kept = new Set(allUrls().filter((url) => url !== "/articles/chery-localization-russia/"));
    const passes = planPagePasses(site, kept, { keepSinglePages: true });
    expect(passes.map((pass) => pass.singlePages)).toEqual([false]);
    expect(urlsWritten(passes)).toEqual(["/articles/chery-localization-russia/"]);
  });

  describe("for several threads", () => {
    const forTwo = () => planPagePasses(site, new Set(), { threads: 2, parallelFrom: 1 });

    it("cuts the lists into one pass per thread", () => {
      const listPasses = forTwo().slice(0, -1);
      expect(listPasses).toHaveLength(2);
      expect(listPasses.map((pass) => pass.pages).sort()).toEqual(
        [Math.floor(fingerprintedCount() / 2), Math.ceil(fingerprintedCount() / 2)].sort(),
      );
    });

    it("leaves the single pages alone to a last pass with the full data", () => {
      const last = forTwo().at(-1);
      expect(last?.singlePages).toBe(true);
      expect(last?.pages).toBe(withSinglePagesCount());
      expect(last?.news.sitemaps).toBe(news.sitemaps);
    });

    it("still writes every page of every list exactly once", () => {
      expect(urlsWritten(forTwo()).sort()).toEqual(allUrls().sort());
    });

    it("writes in one pass below the threshold, where a thread costs more than it saves", () => {
      const passes = planPagePasses(site, new Set(), { threads: 2 });
      expect(passes).toHaveLength(1);
    });
  });
});
