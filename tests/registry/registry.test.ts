import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import type { News } from "../../src/site/news.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

const NOW = new Date("2022-06-10T09:00:00Z");

const CHERY_COMPANIES = [
  "companies:",
  "  - name: Chery",
  "    aliases: [Чери, Chery Automobile]",
  "    description: Chinese carmaker from Wuhu, selling the Tiggo crossovers in Russia.",
  "    country: China",
  "    website: https://www.cheryinternational.com/",
  "",
].join("\n");

const TIGGO_MODELS = [
  "models:",
  "  - name: Tiggo 4 Pro",
  "    company: Чери",
  "    aliases: [Tiggo 4Pro]",
  "    body: crossover",
  "",
].join("\n");

const localization = articleText(
  [
    "title: Chery makes localizing car assembly in Russia a top priority",
    "date: 2022-06-01",
    "company: Chery",
  ],
  "The Chinese company Chery is pushing ahead with localizing car assembly in Russia.",
);

const tiggoArrival = articleText(
  [
    "title: Tiggo 4 Pro to join Chery's Russian lineup",
    "date: 2022-06-02",
    "company: Chery",
    "models: [Tiggo 4 Pro]",
  ],
  "The Tiggo 4 Pro crossover is expected to be Chery's next new model in Russia.",
);

const dealers = articleText(
  ["title: Чери расширяет дилерскую сеть", "date: 2022-06-03", "company: Чери"],
  "Chery opened twelve new dealerships in Russian regions in May.",
);

afterEach(removeContentFolders);

async function load(dir: string, includeDrafts = false) {
  return loadNews({ contentDir: dir, includeDrafts, now: NOW });
}

async function loadSite(files: Parameters<typeof createContentFolder>[0]): Promise<News> {
  const { news, diagnostics } = await load(await createContentFolder(files));
  if (!news) throw new Error(`expected a site, got ${JSON.stringify(diagnostics, null, 2)}`);
  return news;
}

function pageAt(news: News, url: string) {
  const page = news.termPages.find((candidate) => candidate.url === url);
  if (!page) throw new Error(`no page at ${url}`);
  return page;
}

describe("registry aliases", () => {
  it("gives a company written as Чери and as Chery one page named Chery listing both articles", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES },
      articles: { "chery-localization.md": localization, "chery-dealers.md": dealers },
    });
    const companyPages = news.termPages.filter((page) => page.url.startsWith("/companies/"));
    expect(companyPages.map((page) => [page.url, page.heading, page.term?.name])).toEqual([
      ["/companies/chery/", "Chery", "Chery"],
    ]);
    expect(companyPages[0]?.entries.map((entry) => entry.article.url)).toEqual([
      "/articles/chery-dealers/",
      "/articles/chery-localization/",
    ]);
  });

  it("counts the articles of every spelling of a company in the companies directory", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES },
      articles: { "chery-localization.md": localization, "chery-dealers.md": dealers },
    });
    const directory = news.directoryPages.find((page) => page.url === "/companies/");
    expect(directory?.groups).toEqual([
      { terms: [{ name: "Chery", url: "/companies/chery/", count: 2 }] },
    ]);
  });

  it("links an article that writes Чери to the Chery page, under the canonical name", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES },
      articles: { "chery-dealers.md": dealers },
    });
    const article = news.articles.find((view) => view.url === "/articles/chery-dealers/");
    expect(article?.companies).toEqual([{ name: "Chery", url: "/companies/chery/" }]);
  });

  it("does not report a registered alias as a spelling variant", async () => {
    const dir = await createContentFolder({
      registry: { companies: CHERY_COMPANIES },
      articles: { "chery-localization.md": localization, "chery-dealers.md": dealers },
    });
    const { diagnostics } = await load(dir);
    expect(diagnostics).toEqual([]);
  });
});

describe("registered models", () => {
  it("files a model under the company its entry names, even by an alias", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES, models: TIGGO_MODELS },
      articles: { "tiggo-arrival.md": tiggoArrival },
    });
    const model = pageAt(news, "/models/chery-tiggo-4-pro/");
    expect(model.term?.company).toEqual({ name: "Chery", url: "/companies/chery/" });
    expect(pageAt(news, "/companies/chery/").term?.about?.models).toEqual([
      { name: "Tiggo 4 Pro", url: "/models/chery-tiggo-4-pro/", count: 1 },
    ]);
  });

  it("shows a model written by its alias under the registry's name", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES, models: TIGGO_MODELS },
      articles: {
        "tiggo-crash-test.md": articleText([
          "title: Tiggo 4 Pro earns five stars in a crash test",
          "date: 2022-06-02",
          "company: Chery",
          "models: [Tiggo 4Pro]",
        ]),
      },
    });
    expect(pageAt(news, "/models/chery-tiggo-4-pro/").heading).toBe("Tiggo 4 Pro");
  });
});

describe("registry problems", () => {
  it("reports an alias listed on two companies as registry-duplicate at the second entry", async () => {
    const dir = await createContentFolder({
      registry: {
        companies: [
          "companies:",
          "  - name: Chery",
          "    aliases: [Чери]",
          "  - name: Changan",
          "    aliases: [Чери, Чанган]",
          "",
        ].join("\n"),
      },
      articles: {
        "chery-localization.md": localization,
        "changan-uni-k.md": articleText([
          "title: Changan brings the UNI-K crossover to Russia",
          "date: 2022-06-02",
          "company: Changan",
        ]),
      },
    });
    const { news, diagnostics } = await load(dir);
    expect(news).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/companies.yaml"),
        line: 4,
        column: 5,
        severity: "error",
        ruleId: "registry-duplicate",
        message: '"Чери" is listed for both "Chery" and "Changan"',
        fix: "keep each name or alias on one entry only",
      },
    ]);
  });

  it("warns of a model whose company is not registered with registry-unknown-company", async () => {
    const dir = await createContentFolder({
      registry: {
        companies: CHERY_COMPANIES,
        models: [
          "models:",
          "  - name: Tiggo 4 Pro",
          "    company: Chery",
          "  - name: Atlas",
          "    company: Geely",
          "",
        ].join("\n"),
      },
      articles: { "chery-localization.md": localization },
    });
    const { diagnostics } = await load(dir);
    expect(diagnostics.filter((d) => d.ruleId === "registry-unknown-company")).toEqual([
      {
        file: path.join(dir, "registry/models.yaml"),
        line: 4,
        column: 5,
        severity: "warning",
        ruleId: "registry-unknown-company",
        message: 'the model "Atlas" belongs to a company that is not in the company registry',
        fix: "add the company to companies.yaml, or correct the model's company",
      },
    ]);
  });

  it("warns of a registered partner that no article names with registry-unused", async () => {
    const dir = await createContentFolder({
      registry: {
        companies: CHERY_COMPANIES,
        partners: [
          "partners:",
          "  - name: UAZ",
          "    aliases: [УАЗ]",
          "    country: Russia",
          "",
        ].join("\n"),
      },
      articles: { "chery-localization.md": localization },
    });
    const { news, diagnostics } = await load(dir);
    expect(news).toBeDefined();
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/partners.yaml"),
        line: 2,
        column: 5,
        severity: "warning",
        ruleId: "registry-unused",
        message: 'no article names the partner "UAZ"',
        fix: "keep it for future articles, or remove the entry",
      },
    ]);
  });

  it("locates a YAML syntax error in a registry file", async () => {
    const dir = await createContentFolder({
      registry: { companies: "companies:\n  - name: Chery\n    aliases: [Чери\n" },
      articles: { "chery-localization.md": localization },
    });
    const { diagnostics } = await load(dir);
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/companies.yaml"),
        line: 4,
        column: 1,
        severity: "error",
        ruleId: "yaml-syntax",
        message:
          "this is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        fix: "check the indentation and quoting on this line; put text containing `: ` or ` #` in quotes",
      },
    ]);
  });

  it("locates an invalid registry field at its value, with the field's help as the fix", async () => {
    const dir = await createContentFolder({
      registry: {
        companies: "companies:\n  - name: Chery\n    website: www.cheryinternational.com\n",
      },
      articles: { "chery-localization.md": localization },
    });
    const { diagnostics } = await load(dir);
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/companies.yaml"),
        line: 3,
        column: 14,
        severity: "error",
        ruleId: "invalid-field",
        message: "website must be an address starting with https://",
        fix: "give the address starting with https://",
      },
    ]);
  });

  it("points at a misspelt field inside a registry entry without offering the file's top-level keys", async () => {
    const dir = await createContentFolder({
      registry: { companies: "companies:\n  - name: Chery\n    contry: China\n" },
      articles: { "chery-localization.md": localization },
    });
    const { diagnostics } = await load(dir);
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/companies.yaml"),
        line: 3,
        column: 5,
        severity: "error",
        ruleId: "unknown-key",
        message: 'unknown field "contry"',
        fix: "remove it, or correct its spelling (the fields are listed in docs/editing.md)",
      },
    ]);
  });

  it("loads the site without complaint when there is no registry folder", async () => {
    const dir = await createContentFolder({ articles: { "chery-localization.md": localization } });
    const { news, diagnostics } = await load(dir);
    expect(diagnostics).toEqual([]);
    expect(news?.termPages.map((page) => page.url)).toEqual(["/companies/chery/"]);
  });
});

describe("registry facts on term pages", () => {
  it("puts a company's description, country and website in its page data", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES },
      articles: { "chery-localization.md": localization },
    });
    expect(pageAt(news, "/companies/chery/").term?.about?.facts).toEqual({
      description: "Chinese carmaker from Wuhu, selling the Tiggo crossovers in Russia.",
      country: "China",
      website: "https://www.cheryinternational.com/",
    });
  });

  it("puts a model's body type in its page data", async () => {
    const news = await loadSite({
      registry: { companies: CHERY_COMPANIES, models: TIGGO_MODELS },
      articles: { "tiggo-arrival.md": tiggoArrival },
    });
    expect(pageAt(news, "/models/chery-tiggo-4-pro/").term?.about?.facts).toEqual({
      body: "crossover",
    });
  });
});

describe("counterparts", () => {
  const uazRegistry = {
    companies: `${CHERY_COMPANIES}  - name: UAZ\n    country: Russia\n`,
    partners: "partners:\n  - name: UAZ\n    aliases: [УАЗ]\n    country: Russia\n",
  };
  const articles = {
    "chery-uaz-rumours.md": articleText([
      "title: Chery declines to name UAZ as its assembly partner",
      "date: 2022-06-01",
      "company: Chery",
      "partners: [УАЗ]",
    ]),
    "uaz-patriot-update.md": articleText(
      ["title: UAZ updates the Patriot for 2023", "date: 2022-06-04", "company: UAZ"],
      "UAZ has shown the updated Patriot with a new automatic gearbox.",
    ),
  };

  it("links a company's page to its partner page", async () => {
    const news = await loadSite({ registry: uazRegistry, articles });
    expect(pageAt(news, "/companies/uaz/").term?.about?.counterpart).toEqual({
      name: "UAZ",
      url: "/partners/uaz/",
      kindLabel: "Partner",
    });
  });

  it("links a partner's page to its company page", async () => {
    const news = await loadSite({ registry: uazRegistry, articles });
    expect(pageAt(news, "/partners/uaz/").term?.about?.counterpart).toEqual({
      name: "UAZ",
      url: "/companies/uaz/",
      kindLabel: "Company",
    });
  });
});
