import { beforeAll, describe, expect, it } from "vitest";
import { PreviewPages } from "../../src/output/preview-pages.ts";
import type { News } from "../../src/site/news.ts";
import { fixtureNews, fixtureNewsWith, withEditedText } from "../support/fixture-news.ts";

const LOCALIZATION = "/articles/chery-localization-russia/";

let news: News;

beforeAll(async () => {
  news = await fixtureNews(true);
});

const articleUrls = (site: News) => site.articles.map((article) => article.url);

describe("PreviewPages", () => {
  it("hands the preview's first build every page", async () => {
    const pages = new PreviewPages();
    const { news: first } = await pages.changedSince(news);
    expect(articleUrls(first)).toEqual(articleUrls(news));
    expect(first.termPages).toHaveLength(news.termPages.length);
  });

  it("hands a rebuild with nothing changed no page of any list", async () => {
    const pages = new PreviewPages();
    await pages.changedSince(news);
    const { news: again } = await pages.changedSince(news);
    expect(again.articles).toEqual([]);
    expect(again.termPages).toEqual([]);
    expect(again.homePages).toEqual([]);
    expect(again.feeds).toEqual([]);
  });

  it("hands a rebuild after an edit the edited article's page", async () => {
    const pages = new PreviewPages();
    await pages.changedSince(news);
    const edited = await fixtureNewsWith(LOCALIZATION, withEditedText, true);
    expect(articleUrls((await pages.changedSince(edited)).news)).toContain(LOCALIZATION);
  });

  it("names no page gone when every page is still there", async () => {
    const pages = new PreviewPages();
    await pages.changedSince(news);
    expect((await pages.changedSince(news)).removed).toEqual([]);
  });

  it("names the page of an article deleted since, so that it no longer answers", async () => {
    const pages = new PreviewPages();
    await pages.changedSince(news);
    const deleted: News = {
      ...news,
      articles: news.articles.filter((article) => article.url !== LOCALIZATION),
    };
    expect((await pages.changedSince(deleted)).removed).toEqual([LOCALIZATION]);
  });

  it("keeps the sitemaps and indexes whole, since single pages are always written", async () => {
    const pages = new PreviewPages();
    await pages.changedSince(news);
    const { news: again } = await pages.changedSince(news);
    expect(again.sitemaps).toBe(news.sitemaps);
    expect(again.digests.index).toBe(news.digests.index);
  });
});
