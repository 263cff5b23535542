import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteBuiltOnce } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { pagerTargets, parseHtml, textOf } from "../support/html.ts";

// The week of 30 May 2022: three Chery articles, the newest also about Geely, so four cards;
// and one Chery article the week before. Two cards a page: a busy week of a large newsroom
// holds hundreds of cards, so a week's digest is paginated, by its own page size.
const article = (day: string, companies: string) =>
  articleText([`title: Chery news of ${day}`, `date: 2022-${day}`, `company: ${companies}`]);

const site = siteBuiltOnce({
  site: `${siteYaml()}digestPageSize: 2\n`,
  articles: {
    "chery-may-24.md": article("05-24", "Chery"),
    "chery-june-1.md": article("06-01", "Chery"),
    "chery-june-2.md": article("06-02", "Chery"),
    "chery-june-3.md": article("06-03", "[Chery, Geely]"),
  },
});

const page = (url: string) => parseHtml(site.readPage(url));
const FIRST = "/digest/2022-w22/";
const SECOND = "/digest/2022-w22/page/2/";

/** Each company group of a page: its heading and the articles of its cards. */
const groupsOf = (url: string) =>
  page(url)
    .querySelectorAll(".digest-group")
    .map((group) => [
      textOf(group.querySelector("h2")),
      group.querySelectorAll(".article-card__title a").map((link) => link.getAttribute("href")),
    ]);

const weekLinks = (url: string) =>
  page(url)
    .querySelectorAll('nav[aria-label="Other weeks"] a')
    .map((link) => [link.getAttribute("href"), link.getAttribute("rel")]);

describe("a week's digest pages", () => {
  it("show its cards grouped by company, a page size at a time, a group going on where the page ends", () => {
    expect([groupsOf(FIRST), groupsOf(SECOND)]).toEqual([
      [["Chery 3 articles", ["/articles/chery-june-3/", "/articles/chery-june-2/"]]],
      [
        ["Chery continued 3 articles", ["/articles/chery-june-1/"]],
        ["Geely 1 article", ["/articles/chery-june-3/"]],
      ],
    ]);
  });

  it("link to each other as pages of one list", () => {
    expect([page(FIRST), page(SECOND)].map(pagerTargets)).toEqual([
      { next: SECOND },
      { previous: FIRST },
    ]);
  });

  it("give the page number in the heading and the title after the first page", () => {
    const second = page(SECOND);
    expect(textOf(second.querySelector("h1"))).toBe("Week 22, 2022 page 2");
    expect(textOf(second.querySelector("title"))).toMatch(/^Week 22, 2022 — page 2 \| /);
  });

  it("say the week's whole count of articles on every page", () => {
    expect(textOf(page(SECOND).querySelector("main .meta"))).toMatch(/· 3 articles$/);
  });

  it("link every page to the other weeks' first pages, not as pages of this list", () => {
    expect(weekLinks(SECOND)).toEqual([["/digest/2022-w21/", undefined]]);
    expect(weekLinks("/digest/2022-w21/")).toEqual([[FIRST, undefined]]);
  });

  it("are listed once on the digests' index, at the week's first page", () => {
    expect(
      page("/digest/")
        .querySelectorAll("main li a")
        .map((link) => link.getAttribute("href")),
    ).toEqual([FIRST, "/digest/2022-w21/"]);
  });

  it("are all in the sitemap", () => {
    const sitemap = readFileSync(path.join(site.outputDir, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`${FIRST}</loc>`);
    expect(sitemap).toContain(`${SECOND}</loc>`);
  });
});
