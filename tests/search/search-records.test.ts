import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedContent } from "../../src/build/load-news.ts";
import { recordHtml, type SearchRecord, searchRecords } from "../../src/search/search-records.ts";
import type { News } from "../../src/site/news.ts";
import { fixtureContent, fixtureNews } from "../support/fixture-news.ts";

let news: News;
let content: LoadedContent;
let records: SearchRecord[];

beforeAll(async () => {
  news = await fixtureNews();
  content = await fixtureContent();
  records = searchRecords(content);
});

const documentOf = (record: SearchRecord | undefined) =>
  record ? recordHtml(record, content.bodies.reader) : "";
const recordOf = (url: string) => documentOf(records.find((record) => record.url === url));

describe("searchRecords", () => {
  it("makes one record per published article, at its page's address", () => {
    expect(records.map((record) => record.url)).toEqual(news.articles.map((a) => a.url));
    expect(records.some((record) => record.url.includes("draft"))).toBe(false);
  });

  it("titles a record with its article's headline, in the site's language", () => {
    const html = recordOf("/articles/chery-localization-russia/");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<h1 data-pagefind-meta="title">Chery makes localizing car assembly in Russia a top priority</h1>',
    );
  });

  it("holds the article's sanitized body", () => {
    const article = news.articles.find((a) => a.url === "/articles/chery-localization-russia/");
    if (!article) throw new Error("the fixture has no Chery localization article");
    const body = content.bodies.html(article.body);
    expect(body).toContain("<p>");
    expect(recordOf("/articles/chery-localization-russia/")).toContain(body);
  });

  it("filters by the names of the article's company, models and partners", () => {
    const html = recordOf("/articles/chery-localization-russia/");
    expect(html).toContain('<span data-pagefind-filter="company">Chery</span>');
    expect(html).toContain('<span data-pagefind-filter="model">Tiggo 4 Pro</span>');
    expect(html).toContain('<span data-pagefind-filter="partner">UAZ</span>');
  });

  it("keeps the filters' names out of the searchable text", () => {
    expect(recordOf("/articles/chery-localization-russia/")).toMatch(
      /<div data-pagefind-ignore><span data-pagefind-filter=/,
    );
  });

  it("weights every spelling of the article's tags above its text, aliases and both scripts included", () => {
    const html = recordOf("/articles/chery-moskvich-plant-talks/");
    const weighted = /<p data-pagefind-weight="10">(.*)<\/p>/.exec(html)?.[1]?.split(" · ");
    expect(weighted).toEqual(expect.arrayContaining(["Chery", "Чери", "Москвич", "moskvich"]));
  });

  it("escapes names and headlines, so no text can open an element", () => {
    const [article] = content.articles;
    const [company] = article?.companies ?? [];
    if (!article || !company) throw new Error("the fixture has no article with a company");
    const hostile = {
      ...content,
      // No term page: the record falls back to the name as the article gives it.
      index: { companies: [], models: [], partners: [] },
      articles: [
        {
          ...article,
          title: "Chery <script>alert(1)</script> & Co",
          companies: [{ ...company, name: "<img src=x>" }],
          models: [],
          partners: [],
        },
      ],
    };
    const html = documentOf(searchRecords(hostile)[0]);
    expect(html).toContain("Chery &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(html).toContain('<span data-pagefind-filter="company">&lt;img src=x&gt;</span>');
    expect(html).toContain('<p data-pagefind-weight="10">&lt;img src=x&gt;</p>');
    expect(html).not.toContain("<script>");
  });
});
