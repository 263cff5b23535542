import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeJsonLd } from "../../src/site/json-ld.ts";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { parseHtml } from "../support/html.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/publishing");
const BASE = "https://news-digest.example.org/";
const HOSTILE_TITLE = "Haval Jolion review </script><script>alert(1)</script> & more";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite(FIXTURE);
});

afterAll(async () => {
  await site?.remove();
});

type Node = Record<string, unknown>;

function jsonLdOf(url: string): Node[] {
  return parseHtml(site.readPage(url))
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.rawText) as Node);
}

function meta(url: string, property: string): string | undefined {
  const root = parseHtml(site.readPage(url));
  const element =
    root.querySelector(`meta[property="${property}"]`) ??
    root.querySelector(`meta[name="${property}"]`);
  return element?.getAttribute("content");
}

describe("serializeJsonLd", () => {
  it("escapes every character that could close a script element", () => {
    expect(serializeJsonLd({ headline: HOSTILE_TITLE })).toBe(
      '{"headline":"Haval Jolion review \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more"}',
    );
  });

  it("escapes the line and paragraph separators", () => {
    expect(serializeJsonLd({ headline: "Chery\u2028Tiggo\u2029" })).toBe(
      '{"headline":"Chery\\u2028Tiggo\\u2029"}',
    );
  });

  it("reads back as the same value", () => {
    expect(JSON.parse(serializeJsonLd({ headline: HOSTILE_TITLE }))).toEqual({
      headline: HOSTILE_TITLE,
    });
  });
});

describe("article metadata", () => {
  it("keeps a headline with a script tag inside one JSON-LD element", () => {
    const html = site.readPage("/articles/haval-jolion-script-headline/");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(jsonLdOf("/articles/haval-jolion-script-headline/")[0]?.headline).toBe(HOSTILE_TITLE);
  });

  it("describes the article as a NewsArticle with its dates and publisher", () => {
    expect(jsonLdOf("/articles/chery-tiggo-7-pro-price-list/")[0]).toMatchObject({
      "@type": "NewsArticle",
      headline: "Chery publishes the Tiggo 7 Pro price list for Russia",
      datePublished: "2021-01-04T00:00:00+03:00",
      dateModified: "2021-01-06T00:00:00+03:00",
      publisher: { "@type": "Organization", name: "Auto Industry Digest", url: BASE },
    });
  });

  it("says the article is about its company and models, each with its page", () => {
    expect(jsonLdOf("/articles/chery-tiggo-7-pro-price-list/")[0]?.about).toEqual([
      { "@type": "Organization", name: "Chery", url: `${BASE}companies/chery/` },
      { "@type": "Product", name: "Tiggo 7 Pro", url: `${BASE}models/chery-tiggo-7-pro/` },
    ]);
  });

  it("says the article mentions its partners", () => {
    expect(jsonLdOf("/articles/chery-tiggo-7-pro-price-list/")[0]?.mentions).toEqual([
      { "@type": "Organization", name: "Avtotor", url: `${BASE}partners/avtotor/` },
    ]);
  });

  it("names the source the article is based on", () => {
    expect(jsonLdOf("/articles/chery-tiggo-7-pro-price-list/")[0]?.isBasedOn).toEqual({
      "@type": "CreativeWork",
      name: "TASS",
      url: "https://tass.com/economy/1234567",
    });
  });

  it("carries Open Graph article tags", () => {
    const url = "/articles/chery-tiggo-7-pro-price-list/";
    expect(meta(url, "og:type")).toBe("article");
    expect(meta(url, "og:url")).toBe(`${BASE}articles/chery-tiggo-7-pro-price-list/`);
    expect(meta(url, "article:modified_time")).toBe("2021-01-06T00:00:00+03:00");
  });

  it("leaves article:modified_time out of an article never updated or corrected", () => {
    const url = "/articles/chery-tiggo-4-pro-crash-test/";
    expect(meta(url, "article:published_time")).toBe("2021-01-03T00:00:00+03:00");
    expect(meta(url, "article:modified_time")).toBeUndefined();
  });

  it("names the article's address as its @id and main entity, not a third time as url", () => {
    const article = jsonLdOf("/articles/chery-tiggo-7-pro-price-list/")[0];
    const address = `${BASE}articles/chery-tiggo-7-pro-price-list/`;
    expect([article?.["@id"], article?.mainEntityOfPage, article?.url]).toEqual([
      address,
      address,
      undefined,
    ]);
  });

  it("leaves the summary to the description meta tags, out of the JSON-LD", () => {
    const url = "/articles/chery-tiggo-7-pro-price-list/";
    expect(meta(url, "description")).toBe(meta(url, "og:description"));
    expect(jsonLdOf(url)[0]?.description).toBeUndefined();
  });

  it("carries a Twitter summary card, whose title X reads from og:title", () => {
    const url = "/articles/geely-coolray-recall/";
    expect(meta(url, "twitter:card")).toBe("summary");
    expect(meta(url, "twitter:title")).toBeUndefined();
    expect(meta(url, "og:title")).toBe("Geely recalls the Coolray over a fuel pump fault");
  });
});

describe("term page metadata", () => {
  it("describes a model page as a CollectionPage of its articles", () => {
    expect(jsonLdOf("/models/chery-tiggo-7-pro/")[0]).toMatchObject({
      "@type": "CollectionPage",
      url: `${BASE}models/chery-tiggo-7-pro/`,
      mainEntity: {
        itemListElement: [{ position: 1, url: `${BASE}articles/chery-tiggo-7-pro-price-list/` }],
      },
    });
  });

  it("lists a term page's articles by position and address, their headlines left to the page", () => {
    const list = jsonLdOf("/models/chery-tiggo-7-pro/")[0]?.mainEntity as Node | undefined;
    expect(list?.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, url: `${BASE}articles/chery-tiggo-7-pro-price-list/` },
    ]);
  });

  it("gives a model page breadcrumbs through its company", () => {
    const crumbs = jsonLdOf("/models/chery-tiggo-7-pro/")[1];
    expect(crumbs?.["@type"]).toBe("BreadcrumbList");
    const items = (crumbs?.itemListElement ?? []) as Node[];
    expect(items.map((item) => item.item)).toEqual([
      BASE,
      `${BASE}models/`,
      `${BASE}companies/chery/`,
      `${BASE}models/chery-tiggo-7-pro/`,
    ]);
  });
});
