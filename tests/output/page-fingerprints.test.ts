import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/markdown/article.ts";
import { pageFingerprints, singlePagesFingerprint } from "../../src/output/page-fingerprints.ts";
import type { News, SitePlan } from "../../src/site/news.ts";
import { PAGE_LISTS } from "../../src/site/page-lists.ts";
import { fixturePlannedSite, fixtureSiteWith, withEditedText } from "../support/fixture-news.ts";

const LOCALIZATION = "/articles/chery-localization-russia/";
const CHERY = "/companies/chery/";

/** What a build fingerprints: the fixture site's plan. */
let news: SitePlan;

beforeAll(async () => {
  news = (await fixturePlannedSite()).site.plan;
});

/** The fingerprints whose value differs between two maps, by URL. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([url, print]) => before.get(url) !== print).map(([url]) => url);
}

/** The pages whose data shows the article at `url`: its own, and every list, card and feed. */
function itemsShowing(site: SitePlan, url: string): string[] {
  return PAGE_LISTS.filter((list) => list.reads).flatMap((list) =>
    list
      .items(site)
      .filter((item) => JSON.stringify(item).includes(`${url}"`))
      .flatMap((item) => list.urlsOf(item)),
  );
}

/** Every fingerprinted page of made data, by URL: its data and head metadata. */
function madePages(made: News): Map<string, unknown> {
  const pages = new Map<string, unknown>();
  for (const list of PAGE_LISTS.filter((list) => list.reads)) {
    for (const item of list.items(made)) {
      for (const url of list.urlsOf(item)) pages.set(url, [item, made.pageMeta[url] ?? null]);
    }
  }
  return pages;
}

describe("pageFingerprints", () => {
  it("gives every page of a list with known reads a fingerprint, and none to other pages", () => {
    const prints = pageFingerprints(news, "builder-1");
    for (const url of [LOCALIZATION, CHERY, "/", "/feed.xml", "/feed.json"]) {
      expect(prints.has(url)).toBe(true);
    }
    for (const url of ["/companies/", "/sitemap.xml", "/search/", "/digest/"]) {
      expect(prints.has(url)).toBe(false);
    }
  });

  it("gives the same fingerprints to the same data and builder", () => {
    expect(pageFingerprints(news, "builder-1")).toEqual(pageFingerprints(news, "builder-1"));
  });

  it("changes, when an article's text changes, its page and only pages that show it", async () => {
    const edited = (await fixtureSiteWith(LOCALIZATION, withEditedText)).plan;
    const pages = changed(pageFingerprints(news, "b"), pageFingerprints(edited, "b"));
    expect(pages).toContain(LOCALIZATION);
    expect(pages).toContain("/");
    expect(pages).toContain(CHERY);
    for (const url of pages) expect(itemsShowing(edited, LOCALIZATION)).toContain(url);
  });

  it("keeps the fingerprint of every page that does not show an edited article", async () => {
    const edited = (await fixtureSiteWith(LOCALIZATION, withEditedText)).plan;
    const before = pageFingerprints(news, "b");
    const after = pageFingerprints(edited, "b");
    const showing = new Set(itemsShowing(edited, LOCALIZATION));
    const others = [...after.keys()].filter((url) => !showing.has(url));
    expect(others.length).toBeGreaterThan(0);
    for (const url of others) expect(after.get(url)).toBe(before.get(url));
  });

  it("changes a company page's fingerprint when what its term view shows changes", () => {
    const edited = {
      ...news,
      termPages: news.termPages.map((page) =>
        page.url === CHERY && page.term
          ? { ...page, term: { ...page.term, facts: { country: "China" } } }
          : page,
      ),
    };
    expect(changed(pageFingerprints(news, "b"), pageFingerprints(edited, "b"))).toEqual([CHERY]);
  });

  it.each([
    ["headline", (article: Article) => ({ ...article, title: "Chery confirms Kaliningrad plans" })],
    ["summary", (article: Article) => ({ ...article, summary: "Assembly starts in spring." })],
    ["date", (article: Article) => ({ ...article, date: { ...article.date, iso: "2023-10-02" } })],
    ["draft state", (article: Article) => ({ ...article, draft: true })],
  ])(
    "changes the home page's fingerprint when the %s of an article it lists changes",
    async (_what, edit) => {
      const edited = (await fixtureSiteWith(LOCALIZATION, edit)).plan;
      expect(changed(pageFingerprints(news, "b"), pageFingerprints(edited, "b"))).toContain("/");
    },
  );

  it("changes a company page's fingerprint when its head metadata changes", () => {
    const meta = news.pageMeta[CHERY];
    if (!meta) throw new Error("the fixture has no head metadata for Chery's page");
    const edited = {
      ...news,
      pageMeta: {
        ...news.pageMeta,
        [CHERY]: { ...meta, page: { ...meta.page, description: "Wuhu's carmaker." } },
      },
    };
    expect(changed(pageFingerprints(news, "b"), pageFingerprints(edited, "b"))).toEqual([CHERY]);
  });

  it("changes every fingerprint when the site's title changes, since every page shows it", () => {
    const renamed = { ...news, site: { ...news.site, title: "Car Industry Weekly" } };
    const before = pageFingerprints(news, "b");
    expect(changed(before, pageFingerprints(renamed, "b"))).toHaveLength(before.size);
  });

  it.each([
    ["text", withEditedText],
    ["headline", (article: Article) => ({ ...article, title: "Chery confirms Kaliningrad plans" })],
    ["summary", (article: Article) => ({ ...article, summary: "Assembly starts in spring." })],
    ["update date", (article: Article) => ({ ...article, updated: article.date })],
    ["models", (article: Article) => ({ ...article, models: [] })],
    ["source", (article: Article) => ({ ...article, source: { name: "Vedomosti" } })],
  ])(
    "makes every page whose fingerprint an edit of an article's %s keeps as it made it before",
    async (_what, edit) => {
      const { site: before } = await fixturePlannedSite();
      const after = await fixtureSiteWith(LOCALIZATION, edit);
      const printsBefore = pageFingerprints(before.plan, "b");
      const printsAfter = pageFingerprints(after.plan, "b");
      const kept = [...printsAfter].filter(([url, print]) => printsBefore.get(url) === print);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(printsAfter.size);
      const madeBefore = madePages(before.make(before.plan));
      const madeAfter = madePages(after.make(after.plan));
      for (const [url] of kept) expect(madeAfter.get(url), url).toEqual(madeBefore.get(url));
    },
  );

  it("changes every fingerprint when the builder changes", () => {
    const before = pageFingerprints(news, "builder-1");
    expect(changed(before, pageFingerprints(news, "builder-2"))).toHaveLength(before.size);
  });
});

describe("singlePagesFingerprint", () => {
  const printOf = (site: SitePlan, builder = "b") =>
    singlePagesFingerprint(site, pageFingerprints(site, builder), builder);

  it("is the same for the same data and builder", () => {
    expect(printOf(news)).toBe(printOf(news));
  });

  it("is the same after an edit of an article's text, which no single page shows", async () => {
    const edited = (await fixtureSiteWith(LOCALIZATION, withEditedText)).plan;
    expect(printOf(edited)).toBe(printOf(news));
  });

  it.each([
    [
      "a month's count on the archive's index",
      () => ({
        ...news,
        archives: {
          ...news.archives,
          index: {
            ...news.archives.index,
            years: news.archives.index.years.map((year, index) =>
              index === 0 ? { ...year, count: year.count + 1 } : year,
            ),
          },
        },
      }),
    ],
    [
      "a sitemap entry",
      () => ({
        ...news,
        sitemaps: {
          ...news.sitemaps,
          entries: news.sitemaps.entries.map((entry, index) =>
            index === 0 ? { ...entry, lastmod: "2030-01-01" } : entry,
          ),
        },
      }),
    ],
    [
      "a directory page",
      () => ({
        ...news,
        directoryPages: news.directoryPages.map((page, index) =>
          index === 0 ? { ...page, title: `${page.title} (renamed)` } : page,
        ),
      }),
    ],
  ])("changes with %s", (_what, edit) => {
    expect(printOf(edit() as SitePlan)).not.toBe(printOf(news));
  });

  it("changes with the builder", () => {
    expect(printOf(news, "builder-2")).not.toBe(printOf(news, "builder-1"));
  });
});
