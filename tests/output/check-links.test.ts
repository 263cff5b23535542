import { describe, expect, it } from "vitest";
import {
  type LinkSite,
  linkChecker,
  linkProblem,
  siteUrlOfFile,
} from "../../src/output/check-links.ts";

const files = new Set([
  "index.html",
  "404.html",
  "assets/site.css",
  "companies/chery/index.html",
  "articles/chery-localization-russia/index.html",
  "images/3f2a-480.avif",
  "search/index.html",
]);
const underPath: LinkSite = {
  baseUrl: "https://newsroom.github.io/news-digest/",
  pathPrefix: "/news-digest/",
  files,
};
const atRoot: LinkSite = { baseUrl: "https://news-digest.example.org/", pathPrefix: "/", files };

describe("the addresses a written page refers to", () => {
  it.each([
    ["the home page", "/news-digest/"],
    ["the home page without its slash", "/news-digest"],
    ["the stylesheet", "/news-digest/assets/site.css"],
    ["a company page without its slash", "/news-digest/companies/chery"],
    ["search with a query", "/news-digest/search/?q=Tiggo"],
    ["an article with a fragment", "/news-digest/articles/chery-localization-russia/#plant"],
    ["a picture, relative to the page", "../../images/3f2a-480.avif"],
    ["the page's own full address", "https://newsroom.github.io/news-digest/companies/chery/"],
    ["another site", "https://tass.com/economy/"],
    ["another site on the same host", "https://newsroom.github.io/other-project/"],
    ["a place on the page", "#main"],
    ["an e-mail address", "mailto:desk@example.org"],
  ])("accepts %s under a path", (_what, link) => {
    expect(linkProblem("/companies/chery/", link, underPath)).toBeUndefined();
  });

  it.each([
    [
      "a page the build did not write",
      "/news-digest/companies/cherry/",
      "links to /news-digest/companies/cherry/, but the build wrote no companies/cherry/index.html",
    ],
    [
      "a missing stylesheet",
      "/news-digest/assets/print.css",
      "links to /news-digest/assets/print.css, but the build wrote no assets/print.css",
    ],
    [
      "a root-relative link that leaves the site's path",
      "/companies/chery/",
      "links to /companies/chery/, outside the site's path /news-digest/",
    ],
    [
      "a relative link that climbs out of the site's path",
      "../../../companies/chery/",
      "links to ../../../companies/chery/, outside the site's path /news-digest/",
    ],
    [
      "a full address below the path with no file",
      "https://newsroom.github.io/news-digest/images/missing.jpeg",
      "links to https://newsroom.github.io/news-digest/images/missing.jpeg, but the build wrote no images/missing.jpeg",
    ],
  ])("reports %s", (_what, link, message) => {
    expect(linkProblem("/companies/chery/", link, underPath)?.message).toBe(message);
  });

  it("names the site URL a missing page would have", () => {
    expect(linkProblem("/", "/news-digest/articles/gone/", underPath)?.target).toBe(
      "/articles/gone/",
    );
  });

  it("reads a site at a root from the root", () => {
    expect(linkProblem("/", "/companies/chery/", atRoot)).toBeUndefined();
    expect(linkProblem("/", "/companies/cherry/", atRoot)?.message).toBe(
      "links to /companies/cherry/, but the build wrote no companies/cherry/index.html",
    );
  });

  it.each([
    ["index.html", "/"],
    ["companies/chery/index.html", "/companies/chery/"],
    ["404.html", "/404.html"],
  ])("serves %s at %s", (file, url) => {
    expect(siteUrlOfFile(file)).toBe(url);
  });
});

describe("linkChecker", () => {
  it("gives each page the answer linkProblem gives it, though it remembers addresses from the root", () => {
    const problemOf = linkChecker(underPath);
    const pages = ["/", "/companies/chery/", "/articles/chery-localization-russia/", "/404.html"];
    const links = [
      "/news-digest/assets/site.css",
      "/news-digest/companies/missing/",
      "/outside/",
      "//newsroom.github.io/news-digest/search/",
      "../../images/3f2a-480.avif",
      "images/3f2a-480.avif",
      "#main",
    ];
    for (const page of pages) {
      for (const link of links) {
        expect(problemOf(page, link), `${link} from ${page}`).toEqual(
          linkProblem(page, link, underPath),
        );
      }
    }
  });
});
