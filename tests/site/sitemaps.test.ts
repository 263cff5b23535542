import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteSettingsSchema } from "../../src/settings/site-settings.ts";
import { newsLanguage, newsSitemapEntries } from "../../src/site/sitemap.ts";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { publishedArticle } from "./publishing-articles.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/publishing");
const BASE = "https://news-digest.example.org/";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite(FIXTURE);
});

afterAll(async () => {
  await site?.remove();
});

const read = (url: string) => readFileSync(path.join(site.outputDir, url), "utf8");
const parser = new XMLParser({ isArray: (name) => name === "url" });

interface UrlEntry {
  loc: string;
  lastmod?: string;
  "news:news"?: { "news:title": string; "news:publication_date": string };
}

function urls(file: string): UrlEntry[] {
  return parser.parse(read(file)).urlset.url as UrlEntry[];
}

describe("sitemap.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(read("/sitemap.xml"))).toBe(true);
  });

  it("lists every public HTML page except the error page and search", () => {
    const listed = urls("/sitemap.xml").map((entry) => entry.loc.slice(BASE.length - 1));
    const expected = site.pages().filter((url) => url !== "/404.html" && url !== "/search/");
    expect([...listed].sort()).toEqual(expected);
  });

  it("gives every page a lastmod", () => {
    for (const entry of urls("/sitemap.xml")) expect(entry.lastmod, entry.loc).toMatch(/^\d{4}-/);
  });

  it("dates a corrected article by its correction", () => {
    const entry = urls("/sitemap.xml").find((url) => url.loc.includes("tiggo-7-pro-price-list"));
    expect(entry?.lastmod).toBe("2021-01-06T00:00:00+03:00");
  });

  it("never lists a draft", () => {
    expect(read("/sitemap.xml")).not.toContain("draft-chery-tiggo-8-pro-max");
  });
});

describe("news-sitemap.xml", () => {
  it("lists the articles of the two days before the newest one", () => {
    expect(urls("/news-sitemap.xml").map((entry) => entry.loc)).toEqual([
      `${BASE}articles/chery-tiggo-7-pro-price-list/`,
      `${BASE}articles/chery-tiggo-4-pro-crash-test/`,
    ]);
  });

  it("gives each article its Google News title and publication date", () => {
    expect(urls("/news-sitemap.xml")[0]?.["news:news"]).toMatchObject({
      "news:title": "Chery publishes the Tiggo 7 Pro price list for Russia",
      "news:publication_date": "2021-01-04T00:00:00+03:00",
    });
  });

  it("leaves out an article three days older than the newest", () => {
    const settings = siteSettingsSchema.parse({
      title: "Auto Industry Digest",
      language: "en",
      baseUrl: BASE,
      timeZone: "Europe/Moscow",
      pageSize: 10,
    });
    const newest = publishedArticle("haval-h9-returns", [
      "title: Haval H9 returns",
      "date: 2022-06-10",
      "company: Haval",
    ]);
    const older = publishedArticle("haval-dargo-preview", [
      "title: Haval Dargo preview",
      "date: 2022-06-07",
      "company: Haval",
    ]);
    expect(newsSitemapEntries([newest, older], settings).map((entry) => entry.loc)).toEqual([
      `${BASE}articles/haval-h9-returns/`,
    ]);
  });

  it("names languages as Google News expects", () => {
    expect([newsLanguage("en-GB"), newsLanguage("ru"), newsLanguage("zh-TW")]).toEqual([
      "en",
      "ru",
      "zh-tw",
    ]);
  });
});

describe("robots.txt", () => {
  it("names both sitemaps by absolute URL", () => {
    const lines = read("/robots.txt").split("\n");
    expect(lines).toContain(`Sitemap: ${BASE}sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${BASE}news-sitemap.xml`);
  });
});
