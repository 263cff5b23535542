import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { type HTMLElement, parseHtml, textOf } from "../support/html.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/publishing");

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite(FIXTURE);
});

afterAll(async () => {
  await site?.remove();
});

const page = (url: string): HTMLElement => parseHtml(site.readPage(url));
const hrefs = (root: HTMLElement, selector: string) =>
  root.querySelectorAll(selector).map((link) => link.getAttribute("href"));

describe("weekly digests", () => {
  it("lists every week with articles, newest first", () => {
    expect(hrefs(page("/digest/"), "main li a")).toEqual([
      "/digest/2021-w01/",
      "/digest/2020-w53/",
    ]);
  });

  it("files 31 December 2020 and 3 January 2021 in the same week", () => {
    const titles = textOf(page("/digest/2020-w53/").querySelector("main"));
    expect(titles).toContain("Haval Jolion review");
    expect(titles).toContain("Chery Tiggo 4 Pro earns five stars");
  });

  it("groups a week's articles by company with counts", () => {
    const headings = page("/digest/2020-w53/")
      .querySelectorAll(".digest-group h2")
      .map((heading) => textOf(heading));
    expect(headings).toEqual(["Chery 1 article", "Geely 1 article", "Haval 1 article"]);
  });

  it("links, in each card, the article's terms but the company it is grouped under", () => {
    const groups = page("/digest/2020-w53/").querySelectorAll(".digest-group");
    const companyLinks = groups.map((group) => [
      group.querySelector("h2 a")?.getAttribute("href"),
      group.querySelectorAll(".article-card .term-links a[href^='/companies/']").length,
    ]);
    expect(companyLinks).toEqual([
      ["/companies/chery/", 0],
      ["/companies/geely/", 0],
      ["/companies/haval/", 0],
    ]);
  });

  it("links a week to the weeks before and after it", () => {
    expect(hrefs(page("/digest/2020-w53/"), 'nav[aria-label="Other weeks"] a')).toEqual([
      "/digest/2021-w01/",
    ]);
    expect(hrefs(page("/digest/2021-w01/"), 'nav[aria-label="Other weeks"] a')).toEqual([
      "/digest/2020-w53/",
    ]);
  });

  it("is linked from the home page at its latest week", () => {
    expect(hrefs(page("/"), ".latest-digest a")).toContain("/digest/2021-w01/");
  });
});

describe("monthly archive", () => {
  it("lists each month under its year", () => {
    const text = textOf(page("/archive/").querySelector("main"));
    expect(text).toContain("2021 2 articles January 2021 2 articles");
    expect(text).toContain("2020 2 articles December 2020 2 articles");
  });

  it("shows a month's articles, drafts left out", () => {
    const articleLinks = hrefs(page("/archive/2021/01/"), ".article-card__title a");
    expect(articleLinks).toEqual([
      "/articles/chery-tiggo-7-pro-price-list/",
      "/articles/chery-tiggo-4-pro-crash-test/",
    ]);
  });
});

describe("corrections", () => {
  it("shows a dated notice on the corrected article", () => {
    const notice = page("/articles/chery-tiggo-7-pro-price-list/").querySelector(".corrections");
    expect(notice?.querySelector("time")?.getAttribute("datetime")).toBe("2021-01-06");
    expect(textOf(notice)).toContain("The starting price is 1.6 million roubles");
  });

  it("lists the corrected article on the corrections page", () => {
    expect(hrefs(page("/corrections/"), ".article-card__title a")).toEqual([
      "/articles/chery-tiggo-7-pro-price-list/",
    ]);
  });
});

describe("sources", () => {
  it("lists the articles based on a source", () => {
    expect(hrefs(page("/sources/tass/"), ".article-card__title a")).toEqual([
      "/articles/chery-tiggo-7-pro-price-list/",
      "/articles/haval-jolion-script-headline/",
    ]);
  });

  it("links an article's attribution to its source's page", () => {
    expect(hrefs(page("/articles/chery-tiggo-4-pro-crash-test/"), ".source a")).toContain(
      "/sources/autostat/",
    );
  });
});

describe("related articles", () => {
  it("shows articles about the same company under an article", () => {
    expect(hrefs(page("/articles/chery-tiggo-4-pro-crash-test/"), ".related-list a")).toEqual([
      "/articles/chery-tiggo-7-pro-price-list/",
    ]);
  });

  it("lists them by headline and day only, as they repeat under every article", () => {
    const related = page("/articles/chery-tiggo-4-pro-crash-test/").querySelector(".related");
    expect(related?.querySelectorAll(".article-card")).toHaveLength(0);
    expect(textOf(related?.querySelector(".related-list li") ?? null)).toMatch(/\d{4}$/);
  });
});

describe("list entries", () => {
  const lists = [
    "/",
    "/companies/chery/",
    "/models/chery-tiggo-7-pro/",
    "/partners/avtotor/",
    "/digest/2021-w01/",
    "/archive/2021/01/",
    "/sources/tass/",
    "/corrections/",
  ];

  // The corrections page writes its own cards, with each correction: one page, few entries.
  const sharedCards = lists.filter((url) => url !== "/corrections/");

  it.each(sharedCards)("are written without line breaks between their tags on %s", (url) => {
    const cards = site
      .readPage(url)
      .match(/<li class="article-card">.*?<\/li>(?=\s*(<li class="article-card">|<\/ol>))/gsu);
    expect(cards?.length).toBeGreaterThan(0);
    expect(cards?.filter((card) => />\s*\n\s*</u.test(card))).toEqual([]);
  });

  it.each(["/companies/chery/", "/models/chery-tiggo-7-pro/", "/partners/avtotor/"])(
    "link every term of their articles but the one %s is about",
    (url) => {
      const cards = page(url).querySelectorAll(".article-card");
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.filter((card) => card.querySelector(`.term-links a[href="${url}"]`))).toEqual(
        [],
      );
      expect(cards.filter((card) => card.querySelector(".term-links a")).length).toBeGreaterThan(0);
    },
  );

  it.each(lists)("show reading time and summary on %s", (url) => {
    const cards = page(url).querySelectorAll(".article-card");
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(textOf(card.querySelector(".meta"))).toMatch(/\d+ min read/);
      expect(textOf(card.querySelector(".article-card__summary"))).not.toBe("");
    }
  });
});
