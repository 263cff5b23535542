import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import { buildSiteData } from "../../src/site/site-data.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { siteSettings, validArticle } from "../support/articles.ts";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/publishing");
const BASE = "https://news-digest.example.org/";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite(FIXTURE);
});

afterAll(async () => {
  await site?.remove();
});

function feedFiles(extension: ".xml" | ".json"): string[] {
  return readdirSync(site.outputDir, { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === `feed${extension}`)
    .map((name) => `/${name.split(path.sep).join("/")}`)
    .sort();
}

const read = (url: string) => readFileSync(path.join(site.outputDir, url), "utf8");

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "category", "author"].includes(name),
});

interface AtomLink {
  "@rel"?: string;
  "@href": string;
}
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: AtomLink[];
  summary: string;
  /** Only in the site's feed. */
  content?: { "#text": string; "@type": string };
}
interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  link: AtomLink[];
  author: Array<{ name: string }>;
  entry?: AtomEntry[];
}

function atom(url: string): AtomFeed {
  return parser.parse(read(url)).feed as AtomFeed;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html?: string;
  content_text?: string;
  date_modified: string;
}

function jsonFeed(url: string): { items: JsonFeedItem[] } & Record<string, unknown> {
  return JSON.parse(read(url));
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe("Atom feeds", () => {
  it("are written for the site and every company, model and partner", () => {
    expect(feedFiles(".xml")).toEqual([
      "/companies/chery/feed.xml",
      "/companies/geely/feed.xml",
      "/companies/haval/feed.xml",
      "/feed.xml",
      "/models/chery-tiggo-4-pro/feed.xml",
      "/models/chery-tiggo-7-pro/feed.xml",
      "/models/geely-coolray/feed.xml",
      "/models/haval-jolion/feed.xml",
      "/partners/avtotor/feed.xml",
      "/partners/belgee/feed.xml",
    ]);
  });

  it("are all well-formed XML", () => {
    for (const url of feedFiles(".xml")) expect(XMLValidator.validate(read(url)), url).toBe(true);
  });

  it("carry the feed elements the Atom spec requires", () => {
    for (const url of feedFiles(".xml")) {
      const feed = atom(url);
      expect(feed.id, url).toMatch(/^https:\/\//);
      expect(feed.title, url).not.toBe("");
      expect(feed.updated, url).toMatch(RFC_3339);
      expect(feed.author[0]?.name, url).toBe("Auto Industry Digest");
      expect(feed.link.find((link) => link["@rel"] === "self")?.["@href"], url).toBe(
        `${BASE}${url.slice(1)}`,
      );
    }
  });

  it("carry the entry elements the Atom spec requires", () => {
    for (const url of feedFiles(".xml")) {
      for (const entry of atom(url).entry ?? []) {
        expect(entry.id).toMatch(/^https:\/\/news-digest\.example\.org\/articles\/[a-z0-9-]+\/$/);
        expect(entry.title).not.toBe("");
        expect(entry.updated).toMatch(RFC_3339);
        expect(entry.link[0]?.["@href"]).toBe(entry.id);
        expect(entry.summary).not.toBe("");
      }
    }
  });

  it("give the full text of each article in the site's feed", () => {
    for (const entry of atom("/feed.xml").entry ?? []) {
      expect(entry.content?.["@type"]).toBe("html");
      expect(entry.content?.["#text"]).toContain("<p>");
    }
  });

  it.each([
    "/companies/chery/feed.xml",
    "/models/chery-tiggo-7-pro/feed.xml",
    "/partners/avtotor/feed.xml",
  ])("give summaries, not full texts, in %s", (url) => {
    const entries = atom(url).entry ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.content).toBeUndefined();
      expect(entry.summary).not.toBe("");
    }
  });

  it("list a company's articles newest first, and only that company's", () => {
    expect(atom("/companies/chery/feed.xml").entry?.map((entry) => entry.id)).toEqual([
      `${BASE}articles/chery-tiggo-7-pro-price-list/`,
      `${BASE}articles/chery-tiggo-4-pro-crash-test/`,
    ]);
  });

  it("never include a draft", () => {
    for (const url of feedFiles(".xml")) expect(read(url)).not.toContain("Tiggo 8 Pro Max");
  });

  it("mark a corrected article updated on the day of its correction", () => {
    const entry = atom("/feed.xml").entry?.find((item) => item.id.includes("tiggo-7-pro"));
    expect(entry?.updated).toBe("2021-01-06T00:00:00+03:00");
  });

  it("make the links inside an article absolute", () => {
    const entry = atom("/feed.xml").entry?.find((item) => item.id.includes("tiggo-7-pro"));
    expect(entry?.content?.["#text"]).toContain(`href="${BASE}models/chery-tiggo-7-pro/"`);
  });

  it("keep a headline with markup as text", () => {
    const entry = atom("/feed.xml").entry?.find((item) => item.id.includes("haval-jolion"));
    expect(entry?.title).toBe("Haval Jolion review </script><script>alert(1)</script> & more");
  });
});

describe("JSON feeds", () => {
  it("are written beside every Atom feed", () => {
    expect(feedFiles(".json")).toEqual(
      feedFiles(".xml").map((url) => url.replace(/\.xml$/, ".json")),
    );
  });

  it("carry the top-level fields JSON Feed 1.1 requires", () => {
    for (const url of feedFiles(".json")) {
      const feed = jsonFeed(url);
      expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
      expect(feed.title).toEqual(expect.any(String));
      expect(feed.feed_url).toBe(`${BASE}${url.slice(1)}`);
      expect(feed.home_page_url).toMatch(/^https:\/\/news-digest\.example\.org\//);
      expect(feed.items).toEqual(expect.any(Array));
    }
  });

  it("give every item an id, a URL and its content", () => {
    for (const url of feedFiles(".json")) {
      for (const item of jsonFeed(url).items) {
        expect(item.id).toBe(item.url);
        expect(item.url).toMatch(/^https:\/\/news-digest\.example\.org\/articles\//);
        expect(item.content_html ?? item.content_text).not.toBe(undefined);
        expect(item.date_modified).toMatch(RFC_3339);
      }
    }
  });

  it("give the full text in the site's feed and the summary in term feeds", () => {
    for (const item of jsonFeed("/feed.json").items) expect(item.content_html).toContain("<p>");
    for (const item of jsonFeed("/companies/chery/feed.json").items) {
      expect(item.content_html).toBeUndefined();
      expect(item.content_text).not.toBe("");
    }
  });

  it("use the same entry ids as the Atom feed of the same page", () => {
    const atomIds = atom("/partners/avtotor/feed.xml").entry?.map((entry) => entry.id);
    expect(jsonFeed("/partners/avtotor/feed.json").items.map((item) => item.id)).toEqual(atomIds);
  });
});

describe("feed discovery", () => {
  it("links the site's feeds from every page", () => {
    const html = site.readPage("/articles/geely-coolray-recall/");
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Auto Industry Digest (Atom)" href="${BASE}feed.xml">`,
    );
    expect(html).toContain(`type="application/feed+json"`);
  });

  it("links a model's own feeds from its page", () => {
    expect(site.readPage("/models/chery-tiggo-7-pro/")).toContain(
      `href="${BASE}models/chery-tiggo-7-pro/feed.xml"`,
    );
  });

  it("shows a visible Subscribe link on a company page", () => {
    const html = site.readPage("/companies/geely/");
    expect(html).toMatch(/Subscribe to Geely:\s*<a href="\/companies\/geely\/feed\.xml"/);
  });
});

describe("the number of entries", () => {
  const articles = Array.from({ length: 12 }, (_, index) =>
    validArticle(`chery-news-${index + 10}`, [
      `title: Chery news ${index + 10}`,
      `date: 2022-06-${index + 10}`,
      "company: Chery",
    ]),
  ).sort(compareNewestFirst);
  const feeds = buildSiteData(siteSettings(), articles, buildTermIndex(articles)).feeds;
  const entryPaths = (atomUrl: string) =>
    feeds
      .find((feed) => feed.atomUrl === atomUrl)
      ?.entries.map((entry) => new URL(entry.url).pathname);

  it("bounds a term's feed to its ten newest articles", () => {
    expect(entryPaths("/companies/chery/feed.xml")).toEqual(
      articles.slice(0, 10).map((article) => article.url),
    );
  });
});
