import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  articleUrl,
  directoryUrl,
  homeUrl,
  isSafeSlug,
  pageUrl,
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
