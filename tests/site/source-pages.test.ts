import { describe, expect, it } from "vitest";
import { siteBuiltOnce } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { listedArticleUrls, pagerTargets, parseHtml, textOf } from "../support/html.ts";

// Three articles based on TASS, two a page: a source's list is paginated as any other.
const tassArticle = (day: number) =>
  articleText([
    `title: Chery news of June ${day}`,
    `date: 2022-06-0${day}`,
    "company: Chery",
    "source: { name: TASS, url: https://tass.com/economy/ }",
  ]);

const site = siteBuiltOnce({
  site: siteYaml().replace("pageSize: 10", "pageSize: 2"),
  articles: {
    "chery-june-1.md": tassArticle(1),
    "chery-june-2.md": tassArticle(2),
    "chery-june-3.md": tassArticle(3),
  },
});

const page = (url: string) => parseHtml(site.readPage(url));

describe("a source's pages", () => {
  it("list its articles newest first, a page size at a time", () => {
    expect([page("/sources/tass/"), page("/sources/tass/page/2/")].map(listedArticleUrls)).toEqual([
      ["/articles/chery-june-3/", "/articles/chery-june-2/"],
      ["/articles/chery-june-1/"],
    ]);
  });

  it("link to each other", () => {
    expect([page("/sources/tass/"), page("/sources/tass/page/2/")].map(pagerTargets)).toEqual([
      { next: "/sources/tass/page/2/" },
      { previous: "/sources/tass/" },
    ]);
  });

  it("give the page number in the heading after the first page", () => {
    expect(textOf(page("/sources/tass/page/2/").querySelector("h1"))).toBe("Based on TASS page 2");
  });

  it("are listed once on the sources' index, with the source's whole count", () => {
    expect(textOf(page("/sources/").querySelector("main ul"))).toBe("TASS 3 articles");
  });
});
