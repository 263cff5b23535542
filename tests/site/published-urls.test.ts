import { expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import { publishedUrls } from "../../src/site/published-urls.ts";
import { buildSiteData } from "../../src/site/site-data.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { siteSettings, validArticle } from "../support/articles.ts";

it("holds every article, list, term and directory page of the site", () => {
  const articles = [
    validArticle("chery-uaz-assembly", [
      "title: Chery and UAZ discuss assembly",
      "date: 2022-06-02",
      "company: Chery",
      "models: Tiggo 4 Pro",
      "partners: [UAZ]",
    ]),
    validArticle("chery-dealers", [
      "title: Chery opens dealers",
      "date: 2022-06-01",
      "company: Chery",
    ]),
  ].sort(compareNewestFirst);
  const news = buildSiteData(siteSettings({ pageSize: 1 }), articles, buildTermIndex(articles));
  // Publishing pages (feeds, archives, digests) are listed too; their own tests cover them.
  expect([...publishedUrls(news)]).toEqual(
    expect.arrayContaining([
      "/",
      "/articles/chery-dealers/",
      "/articles/chery-uaz-assembly/",
      "/companies/",
      "/companies/chery/",
      "/companies/chery/page/2/",
      "/models/",
      "/models/chery-tiggo-4-pro/",
      "/page/2/",
      "/partners/",
      "/partners/uaz/",
    ]),
  );
});
