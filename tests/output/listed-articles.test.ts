import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listedArticles, pageReferences } from "../../src/output/listed-articles.ts";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { parseHtml } from "../support/html.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

/** What a DOM says a page lists: the scan must agree with it on every page the build writes. */
function listedByDom(html: string): string[] {
  return parseHtml(html)
    .querySelectorAll("ol[data-article-list] > li")
    .flatMap((card) => {
      const link = card
        .querySelectorAll("a[href]")
        .find((anchor) => anchor.getAttribute("href")?.startsWith("/articles/"));
      return link?.getAttribute("href") ?? [];
    });
}

describe("listedArticles", () => {
  it("takes the first article link of each card, repeats included, and nothing outside lists", () => {
    const html = `
      <a href="/articles/outside/">not in a list</a>
      <ol class="article-list" data-article-list>
        <li><h2><a href="/companies/x/">X</a> <a href="/articles/one/">One</a></h2>
          <a href="/articles/second-link/">ignored</a>
          <ul><li><a href="/models/y/">Y</a></li></ul>
        </li>
        <li><a href='/articles/two/'>Two</a></li>
        <li><p>no link</p></li>
        <li><a href="/articles/one/">One again</a></li>
      </ol>
      <ol><li><a href="/articles/unmarked/">not an article list</a></li></ol>`;
    expect(listedArticles(html, "/articles/")).toEqual([
      "/articles/one/",
      "/articles/two/",
      "/articles/one/",
    ]);
  });

  it("reads nested lists as part of their card, and skips comments and scripts", () => {
    const html = `
      <script type="application/ld+json">{"x": "<ol data-article-list><li><a href=\\"/articles/fake/\\">"}</script>
      <!-- <ol data-article-list><li><a href="/articles/commented/"></a></li></ol> -->
      <ol data-article-list="">
        <li><ol><li><a title="a > b" href="/articles/deep/">Deep</a></li></ol></li>
        <li><a href="/articles/a&amp;b/">escaped</a></li>
      </ol>`;
    expect(listedArticles(html, "/articles/")).toEqual(["/articles/deep/", "/articles/a&b/"]);
  });
});

describe("pageReferences", () => {
  it("collects every address a page loads or links, each srcset candidate and a meta refresh included", () => {
    const html = `
      <meta http-equiv="Refresh" content="0; url=/news-digest/companies/chery/">
      <meta property="og:image" content="https://newsroom.github.io/news-digest/images/a-1440.jpeg">
      <meta name="description" content="/not/an/address">
      <link rel="stylesheet" href="/news-digest/assets/site.css">
      <script src="/news-digest/assets/search.js" defer></script>
      <form action="/news-digest/search/"></form>
      <picture><source srcset="/news-digest/images/a-480.avif 480w, /news-digest/images/a-960.avif 960w">
      <img src="/news-digest/images/a-960.jpeg"></picture>`;
    expect(pageReferences(html, "/news-digest/articles").links).toEqual([
      "/news-digest/companies/chery/",
      "https://newsroom.github.io/news-digest/images/a-1440.jpeg",
      "/news-digest/assets/site.css",
      "/news-digest/assets/search.js",
      "/news-digest/search/",
      "/news-digest/images/a-480.avif",
      "/news-digest/images/a-960.avif",
      "/news-digest/images/a-960.jpeg",
    ]);
  });
});

describe("listedArticles on a built site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixtureSite(CORPUS);
  });
  afterAll(async () => {
    await site?.remove();
  });

  it("agrees with a DOM on every page", () => {
    const pages = site.pages();
    expect(pages.length).toBeGreaterThan(50);
    for (const url of pages) {
      const html = site.readPage(url);
      expect(listedArticles(html, "/articles/"), url).toEqual(listedByDom(html));
    }
  });
});
