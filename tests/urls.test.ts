import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  articleUrl,
  directoryUrl,
  homeUrl,
  isSafeSlug,
  pageUrl,
  pathPrefixOf,
  publishedUrl,
  siteUrlOf,
  termUrl,
} from "../src/urls.ts";

describe("safe slugs", () => {
  it.each(["chery", "tiggo-4-pro", "u-5947-745e", "2022"])("accepts %s", (slug) => {
    expect(isSafeSlug(slug)).toBe(true);
  });

  it.each(["", "Chery", "tiggo--4", "-chery", "chery-", "../etc", "chery/uaz", "москвич", "a b"])(
    "refuses %j",
    (slug) => {
      expect(isSafeSlug(slug)).toBe(false);
    },
  );
});

describe("the URL scheme", () => {
  it("puts the home page at the root", () => {
    expect(homeUrl).toBe("/");
  });

  it("puts an article under /articles/", () => {
    expect(articleUrl("chery-localization-russia")).toBe("/articles/chery-localization-russia/");
  });

  it("puts company, model and partner pages in their directories", () => {
    expect([
      termUrl("company", "chery"),
      termUrl("model", "chery-tiggo-4-pro"),
      termUrl("partner", "uaz"),
    ]).toEqual(["/companies/chery/", "/models/chery-tiggo-4-pro/", "/partners/uaz/"]);
  });

  it("names each directory", () => {
    expect([directoryUrl("company"), directoryUrl("model"), directoryUrl("partner")]).toEqual([
      "/companies/",
      "/models/",
      "/partners/",
    ]);
  });
});

describe("pages of a list", () => {
  it("keeps page 1 at the list's own URL", () => {
    expect(pageUrl("/companies/chery/", 1)).toBe("/companies/chery/");
  });

  it("puts page 3 under page/3/", () => {
    expect(pageUrl("/companies/chery/", 3)).toBe("/companies/chery/page/3/");
  });

  it("puts page 2 of the home page at /page/2/", () => {
    expect(pageUrl("/", 2)).toBe("/page/2/");
  });
});

describe("absolute URLs", () => {
  it("joins a site path to a base URL with a folder", () => {
    expect(absoluteUrl("https://example.org/news/", "/articles/chery/")).toBe(
      "https://example.org/news/articles/chery/",
    );
  });

  it("joins to a base URL written without its trailing slash", () => {
    expect(absoluteUrl("https://example.org/news", "/articles/chery/")).toBe(
      "https://example.org/news/articles/chery/",
    );
  });
});

describe("the path a site is published under", () => {
  it.each([
    ["https://newsroom.github.io/news-digest/", "/news-digest/"],
    ["https://newsroom.github.io/news-digest", "/news-digest/"],
    ["https://news.example.org/", "/"],
    ["https://news.example.org", "/"],
    ["https://example.org/auto/digest/", "/auto/digest/"],
  ])("is %s → %s", (baseUrl, prefix) => {
    expect(pathPrefixOf(baseUrl)).toBe(prefix);
  });

  it.each([
    ["/news-digest/", "/", "/news-digest/"],
    [
      "/news-digest/",
      "/articles/chery-localization-russia/",
      "/news-digest/articles/chery-localization-russia/",
    ],
    ["/news-digest/", "/assets/site.css", "/news-digest/assets/site.css"],
    ["/news-digest/", "/search/?q=Tiggo", "/news-digest/search/?q=Tiggo"],
    ["/", "/companies/chery/", "/companies/chery/"],
  ])("puts a site URL below %s: %s → %s", (prefix, url, published) => {
    expect(publishedUrl(prefix, url)).toBe(published);
  });

  it.each([
    "https://tass.com/economy/",
    "//cdn.example.org/tula.jpg",
    "#main",
    "mailto:desk@example.org",
    "page/2/",
  ])("leaves %s as it is", (url) => {
    expect(publishedUrl("/news-digest/", url)).toBe(url);
  });

  it.each([
    ["/news-digest/companies/chery/", "/companies/chery/"],
    ["/news-digest/", "/"],
    ["/news-digest", "/"],
    ["/companies/chery/", undefined],
    ["/news-digest-old/", undefined],
  ])("reads the published path %s as the site URL %s", (path, url) => {
    expect(siteUrlOf("/news-digest/", path)).toBe(url);
  });

  it("gives back every site URL it published, under any path", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/u);
    const prefix = fc
      .array(segment, { maxLength: 3 })
      .map((parts) => `/${parts.map((part) => `${part}/`).join("")}`);
    const url = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(prefix, url, (pathPrefix, siteUrl) => {
        expect(siteUrlOf(pathPrefix, publishedUrl(pathPrefix, siteUrl))).toBe(siteUrl);
      }),
    );
  });
});
