import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteBuiltOnce } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { listedArticleUrls, pagerTargets, parseHtml, textOf } from "../support/html.ts";

// Three Chery articles in June 2022 and one in May, two a page: a month of a large newsroom
// holds thousands of articles, so a month's list is paginated, by its own page size.
const cheryArticle = (month: number, day: number) =>
  articleText([
    `title: Chery news of ${month === 5 ? "May" : "June"} ${day}`,
    `date: 2022-0${month}-0${day}`,
    "company: Chery",
  ]);

const site = siteBuiltOnce({
  site: `${siteYaml()}archivePageSize: 2\n`,
  articles: {
    "chery-may-4.md": cheryArticle(5, 4),
    "chery-june-1.md": cheryArticle(6, 1),
    "chery-june-2.md": cheryArticle(6, 2),
    "chery-june-3.md": cheryArticle(6, 3),
  },
});

const page = (url: string) => parseHtml(site.readPage(url));
const monthLinks = (url: string) =>
  page(url)
    .querySelectorAll('nav[aria-label="Other months"] a')
    .map((link) => [link.getAttribute("href"), link.getAttribute("rel")]);

describe("a month's archive pages", () => {
  it("list its articles newest first, a page size at a time", () => {
    expect(
      [page("/archive/2022/06/"), page("/archive/2022/06/page/2/")].map(listedArticleUrls),
    ).toEqual([
      ["/articles/chery-june-3/", "/articles/chery-june-2/"],
      ["/articles/chery-june-1/"],
    ]);
  });

  it("link to each other as pages of one list", () => {
    expect([page("/archive/2022/06/"), page("/archive/2022/06/page/2/")].map(pagerTargets)).toEqual(
      [{ next: "/archive/2022/06/page/2/" }, { previous: "/archive/2022/06/" }],
    );
  });

  it("give the page number in the heading and the title after the first page", () => {
    const second = page("/archive/2022/06/page/2/");
    expect(textOf(second.querySelector("h1"))).toBe("June 2022 page 2");
    expect(textOf(second.querySelector("title"))).toMatch(/^June 2022 — page 2 \| /);
  });

  it("say the month's whole count on every page", () => {
    expect(textOf(page("/archive/2022/06/page/2/").querySelector("main .meta"))).toBe("3 articles");
  });

  it("link every page to the other months' first pages, not as pages of this list", () => {
    expect(monthLinks("/archive/2022/06/page/2/")).toEqual([["/archive/2022/05/", undefined]]);
    expect(monthLinks("/archive/2022/05/")).toEqual([["/archive/2022/06/", undefined]]);
  });

  it("are listed once on the archive's index, with the month's whole count", () => {
    expect(textOf(page("/archive/").querySelector("main"))).toContain(
      "2022 4 articles June 2022 3 articles May 2022 1 article",
    );
  });

  it("are all in the sitemap", () => {
    const sitemap = readFileSync(path.join(site.outputDir, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("/archive/2022/06/</loc>");
    expect(sitemap).toContain("/archive/2022/06/page/2/</loc>");
  });
});
