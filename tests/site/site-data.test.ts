import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Article } from "../../src/markdown/article.ts";
import type { ListPage } from "../../src/site/news.ts";
import { buildSiteData } from "../../src/site/site-data.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { siteSettings, validArticle } from "../support/articles.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

function article(slug: string, date: string, terms: readonly string[]): Article {
  return validArticle(slug, [`title: ${slug}`, `date: ${date}`, ...terms]);
}

function siteData(articles: readonly Article[], pageSize = 10) {
  const sorted = [...articles].sort(compareNewestFirst);
  return buildSiteData(siteSettings({ pageSize }), sorted, buildTermIndex(sorted));
}

const slugsOn = (page: ListPage | undefined) => page?.entries.map((entry) => entry.article.slug);

const tiggo = article("chery-tiggo-4-pro-crash-test", "2022-06-03", [
  "company: Chery",
  "models: Tiggo 4 Pro",
]);
const uazTalks = article("chery-uaz-assembly", "2022-06-02", [
  "company: Chery",
  "models: [Tiggo 4 Pro, Tiggo 7 Pro]",
  "partners: [{ name: UAZ, status: in-talks }]",
]);
const uazDenied = article("uaz-denies-chery-talks", "2022-06-04", [
  "company: UAZ",
  "partners: [{ name: UAZ, status: denied }, Chery]",
]);
const atlases = article("atlas-name-clash", "2022-06-01", [
  "company: [Geely, Volkswagen]",
  "models:",
  "  - { name: Atlas, company: Geely }",
  "  - { name: Atlas, company: Volkswagen }",
]);

describe("home pages", () => {
  it("list the articles newest first across pages", () => {
    const news = siteData([atlases, tiggo, uazTalks, uazDenied], 3);
    expect(news.homePages.map(slugsOn)).toEqual([
      ["uaz-denies-chery-talks", "chery-tiggo-4-pro-crash-test", "chery-uaz-assembly"],
      ["atlas-name-clash"],
    ]);
  });

  it("put the page number in the title after page 1", () => {
    const news = siteData([atlases, tiggo, uazTalks, uazDenied], 3);
    expect(news.homePages.map((page) => [page.url, page.title])).toEqual([
      ["/", "Auto Industry Digest"],
      ["/page/2/", "Latest news — page 2 | Auto Industry Digest"],
    ]);
  });

  it("exist as one empty page when there are no articles", () => {
    expect(siteData([]).homePages.map((page) => [page.url, page.entries])).toEqual([["/", []]]);
  });
});

describe("term pages", () => {
  it("exist for every company, model and partner", () => {
    expect(
      siteData([tiggo, uazTalks, uazDenied, atlases]).termPages.map((page) => page.url),
    ).toEqual([
      "/companies/chery/",
      "/companies/geely/",
      "/companies/uaz/",
      "/companies/volkswagen/",
      "/models/geely-atlas/",
      "/models/volkswagen-atlas/",
      "/models/chery-tiggo-4-pro/",
      "/models/chery-tiggo-7-pro/",
      "/partners/chery/",
      "/partners/uaz/",
    ]);
  });

  it("list a model's articles newest first", () => {
    const page = siteData([uazTalks, tiggo]).termPages.find(
      (p) => p.url === "/models/chery-tiggo-4-pro/",
    );
    expect(slugsOn(page)).toEqual(["chery-tiggo-4-pro-crash-test", "chery-uaz-assembly"]);
  });

  it("paginate a company's articles", () => {
    const pages = siteData([tiggo, uazTalks], 1).termPages.filter((page) =>
      page.url.startsWith("/companies/chery/"),
    );
    expect(pages.map((page) => [page.url, page.title])).toEqual([
      ["/companies/chery/", "Chery | Auto Industry Digest"],
      ["/companies/chery/page/2/", "Chery — page 2 | Auto Industry Digest"],
    ]);
  });

  it("give each entry on a partner page the status that article states", () => {
    const page = siteData([uazTalks, uazDenied]).termPages.find((p) => p.url === "/partners/uaz/");
    expect(page?.entries.map((entry) => [entry.article.slug, entry.partnerStatus])).toEqual([
      ["uaz-denies-chery-talks", { status: "denied", label: "partnership denied" }],
      ["chery-uaz-assembly", { status: "in-talks", label: "in talks" }],
    ]);
  });

  it("leave the page's own term out of its entries' links", () => {
    const page = siteData([uazTalks]).termPages.find((p) => p.url === "/partners/uaz/");
    const terms = page?.entries[0]?.terms;
    expect([terms?.companies, terms?.partners]).toEqual([
      [{ name: "Chery", url: "/companies/chery/" }],
      [],
    ]);
  });

  it("give entries on a company page no partner status", () => {
    const page = siteData([uazTalks]).termPages.find((p) => p.url === "/companies/chery/");
    expect(page?.entries.map((entry) => "partnerStatus" in entry)).toEqual([false]);
  });

  it("show a company's models with their article counts", () => {
    const page = siteData([tiggo, uazTalks]).termPages.find((p) => p.url === "/companies/chery/");
    expect(page?.term?.about?.models).toEqual([
      { name: "Tiggo 4 Pro", url: "/models/chery-tiggo-4-pro/", count: 2 },
      { name: "Tiggo 7 Pro", url: "/models/chery-tiggo-7-pro/", count: 1 },
    ]);
  });

  it("link a model page to its company", () => {
    const page = siteData([atlases]).termPages.find((p) => p.url === "/models/volkswagen-atlas/");
    expect([page?.term?.kindLabel, page?.term?.company]).toEqual([
      "Model",
      { name: "Volkswagen", url: "/companies/volkswagen/" },
    ]);
  });

  it("show a company's partners with the number of articles naming both", () => {
    const page = siteData([uazTalks, uazDenied]).termPages.find(
      (p) => p.url === "/companies/chery/",
    );
    expect(page?.term?.about?.relations).toEqual([
      { name: "UAZ", url: "/partners/uaz/", count: 1 },
    ]);
  });

  it("show a partner's companies with the number of articles naming both", () => {
    const page = siteData([uazTalks, uazDenied]).termPages.find((p) => p.url === "/partners/uaz/");
    expect(page?.term?.about?.relations).toEqual([
      { name: "Chery", url: "/companies/chery/", count: 1 },
      { name: "UAZ", url: "/companies/uaz/", count: 1 },
    ]);
  });

  it("draw a relationship graph only on company pages", () => {
    const news = siteData([uazTalks, uazDenied]);
    expect(
      news.termPages.filter((page) => page.term?.about?.graph).map((page) => page.url),
    ).toEqual(["/companies/chery/", "/companies/uaz/"]);
  });

  it("keep a term's models, relations and graph to its first page", () => {
    const pages = siteData([tiggo, uazTalks], 1).termPages.filter((page) =>
      page.url.startsWith("/companies/chery/"),
    );
    expect(pages.map((page) => [page.url, page.term?.about !== undefined])).toEqual([
      ["/companies/chery/", true],
      ["/companies/chery/page/2/", false],
    ]);
  });

  it("give a term's later pages its name, kind, count and first page", () => {
    const page = siteData([tiggo, uazTalks], 1).termPages.find(
      (p) => p.url === "/companies/chery/page/2/",
    );
    expect(page?.term).toMatchObject({
      name: "Chery",
      kindLabel: "Company",
      count: 2,
      url: "/companies/chery/",
    });
  });

  it("link a company that is also a partner to its partner page", () => {
    const page = siteData([uazDenied]).termPages.find((p) => p.url === "/companies/uaz/");
    expect(page?.term?.about?.counterpart).toEqual({
      name: "UAZ",
      url: "/partners/uaz/",
      kindLabel: "Partner",
    });
  });
});

describe("directories", () => {
  it("group models under their companies", () => {
    const models = siteData([tiggo, uazTalks, atlases]).directoryPages.find(
      (page) => page.kind === "model",
    );
    expect(models?.groups).toEqual([
      {
        heading: { name: "Chery", url: "/companies/chery/" },
        terms: [
          { name: "Tiggo 4 Pro", url: "/models/chery-tiggo-4-pro/", count: 2 },
          { name: "Tiggo 7 Pro", url: "/models/chery-tiggo-7-pro/", count: 1 },
        ],
      },
      {
        heading: { name: "Geely", url: "/companies/geely/" },
        terms: [{ name: "Atlas", url: "/models/geely-atlas/", count: 1 }],
      },
      {
        heading: { name: "Volkswagen", url: "/companies/volkswagen/" },
        terms: [{ name: "Atlas", url: "/models/volkswagen-atlas/", count: 1 }],
      },
    ]);
  });

  it("list companies with their article counts", () => {
    const companies = siteData([tiggo, uazTalks, uazDenied]).directoryPages.find(
      (page) => page.kind === "company",
    );
    expect(companies?.groups).toEqual([
      {
        terms: [
          { name: "Chery", url: "/companies/chery/", count: 2 },
          { name: "UAZ", url: "/companies/uaz/", count: 1 },
        ],
      },
    ]);
  });

  it("are offered by name and by number of articles, each marking its own order", () => {
    const companies = siteData([tiggo, uazTalks, uazDenied]).directoryPages.filter(
      (page) => page.kind === "company",
    );
    expect(companies.map((page) => [page.url, page.orders])).toEqual([
      [
        "/companies/",
        [
          { name: "By name", url: "/companies/", current: true },
          { name: "By number of articles", url: "/companies/by-count/", current: false },
        ],
      ],
      [
        "/companies/by-count/",
        [
          { name: "By name", url: "/companies/", current: false },
          { name: "By number of articles", url: "/companies/by-count/", current: true },
        ],
      ],
    ]);
  });

  it("list partners with the most articles first on the by-count page", () => {
    const marked = article("moskvich-uaz-plant", "2022-06-06", [
      "company: Moskvich",
      "partners: [UAZ]",
    ]);
    const partners = siteData([uazTalks, uazDenied, marked]).directoryPages.find(
      (page) => page.url === "/partners/by-count/",
    );
    expect(partners?.groups).toEqual([
      {
        terms: [
          { name: "UAZ", url: "/partners/uaz/", count: 3 },
          { name: "Chery", url: "/partners/chery/", count: 1 },
        ],
      },
    ]);
  });

  it("order model groups by their companies' article counts on the by-count page", () => {
    const models = siteData([tiggo, uazTalks, atlases]).directoryPages.find(
      (page) => page.url === "/models/by-count/",
    );
    expect(models?.groups.map((group) => group.heading?.name)).toEqual([
      "Chery",
      "Geely",
      "Volkswagen",
    ]);
  });

  it("are the site's navigation", () => {
    expect(siteData([tiggo]).navigation).toEqual([
      { name: "Companies", url: "/companies/" },
      { name: "Models", url: "/models/" },
      { name: "Partners", url: "/partners/" },
    ]);
  });
});

it("spells a company the same on every article, by its most frequent spelling", () => {
  const shouting = article("chery-prices", "2022-06-05", ["company: CHERY"]);
  const news = siteData([shouting, tiggo, uazTalks]);
  expect(news.articles.map((view) => view.companies[0]?.name)).toEqual(["Chery", "Chery", "Chery"]);
});

describe("drafts, through loading the content", () => {
  afterEach(removeContentFolders);
  const NOW = new Date("2022-06-10T09:00:00Z");

  async function folderWithDraft(): Promise<string> {
    return createContentFolder({
      articles: {
        "chery-localization.md": articleText([
          "title: Chery makes localizing a priority",
          "date: 2022-06-01",
          "company: Chery",
        ]),
        "jetour-x70-plus.md": articleText([
          "title: Jetour X70 Plus comes to Russia",
          "date: 2022-06-02",
          "company: Jetour",
          "models: X70 Plus",
          "draft: true",
        ]),
      },
    });
  }

  it("leaves a draft's company and model pages out when drafts are excluded", async () => {
    const dir = await folderWithDraft();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.termPages.map((page) => page.url)).toEqual(["/companies/chery/"]);
  });

  it("leaves a draft off the home page when drafts are excluded", async () => {
    const dir = await folderWithDraft();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.homePages.map(slugsOn)).toEqual([["chery-localization"]]);
  });

  it("shows a draft's pages in previews", async () => {
    const dir = await folderWithDraft();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: true, now: NOW });
    expect(news?.termPages.map((page) => page.url)).toEqual([
      "/companies/chery/",
      "/companies/jetour/",
      "/models/jetour-x70-plus/",
    ]);
  });

  it("names the file of a draft with an error though drafts are excluded", async () => {
    const dir = await createContentFolder({
      articles: {
        "jetour-x70-plus.md": articleText([
          "title: Jetour X70 Plus comes to Russia",
          "date: 2022-06-31",
          "company: Jetour",
          "draft: true",
        ]),
      },
    });
    const { diagnostics } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([
      [path.join(dir, "articles/jetour-x70-plus.md"), 3, "invalid-field"],
    ]);
  });
});
