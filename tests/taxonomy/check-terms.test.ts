import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

const NOW = new Date("2022-06-10T09:00:00Z");

const CHERY_REGISTRY = {
  companies: "companies:\n  - name: Chery\n    aliases: [Чери]\n",
  models: "models:\n  - name: Tiggo 4 Pro\n    company: Chery\n",
};

function cheryArticle(slugDate: string, company = "Chery"): string {
  return articleText([
    `title: ${company} adds dealers in Russian regions`,
    `date: ${slugDate}`,
    `company: ${company}`,
  ]);
}

afterEach(removeContentFolders);

async function diagnosticsOf(files: Parameters<typeof createContentFolder>[0]) {
  const dir = await createContentFolder(files);
  const { diagnostics } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
  return { dir, diagnostics };
}

describe("unknown names", () => {
  it("reports Cherry as an unknown company when the registry lists Chery", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: CHERY_REGISTRY,
      articles: {
        "chery-localization.md": articleText([
          "title: Chery makes localizing car assembly in Russia a top priority",
          "date: 2022-06-01",
          "company: Cherry",
        ]),
      },
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: path.join(dir, "articles/chery-localization.md"),
        line: 4,
        column: 10,
        severity: "error",
        ruleId: "unknown-company",
        message: 'unknown company "Cherry" — did you mean "Chery"?',
        fix: 'write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company',
      },
    ]);
  });

  it("reports a name one letter off a more used one as unknown when there is no registry", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      articles: {
        "chery-dealers.md": cheryArticle("2022-06-01"),
        "chery-warranty.md": cheryArticle("2022-06-02"),
        "chery-sales.md": articleText([
          "title: Chery sells a record number of cars in the first quarter",
          "date: 2022-06-03",
          "company: [Cherry]",
        ]),
      },
    });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "articles/chery-sales.md"),
        line: 4,
        column: 11,
        severity: "error",
        ruleId: "unknown-company",
        message: 'unknown company "Cherry" — did you mean "Chery"?',
        fix: 'write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company',
      },
    ]);
  });

  it("warns of a company the registry does not list with unregistered-term", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: { companies: CHERY_REGISTRY.companies },
      articles: {
        "chery-dealers.md": cheryArticle("2022-06-01"),
        "haval-tula-plant.md": articleText([
          "title: Haval expands its plant in Tula",
          "date: 2022-06-02",
          "company: Haval",
        ]),
      },
    });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "articles/haval-tula-plant.md"),
        line: 4,
        column: 10,
        severity: "warning",
        ruleId: "unregistered-term",
        message: 'the company "Haval" is not in the registry',
        fix: "add it to content/registry/companies.yaml with a short description",
      },
    ]);
  });

  it("does not warn of unregistered names when there is no registry", async () => {
    const { diagnostics } = await diagnosticsOf({
      articles: { "chery-dealers.md": cheryArticle("2022-06-01", "Haval") },
    });
    expect(diagnostics).toEqual([]);
  });
});

describe("names that resemble known ones", () => {
  const REGISTRY_WITH_UAZ = {
    companies: "companies:\n  - name: Chery\n",
    models: "models:\n  - name: Tiggo 8 Pro Max\n    company: Chery\n",
    partners: "partners:\n  - name: UAZ\n    aliases: [Ulyanovsk Automobile Plant]\n",
  };

  it("warns of a new partner and model whose names resemble registered ones, and refuses neither", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: REGISTRY_WITH_UAZ,
      articles: {
        "chery-tula-assembly.md": articleText([
          "title: Chery and UAZ look for a second plant in Tula",
          "date: 2022-06-01",
          "company: Chery",
          "models: [Tiggo 8 Pro Max, Tiggo 8 Pro]",
          "partners: [UAZ, Tula Automobile Plant]",
        ]),
      },
    });
    const file = path.join(dir, "articles/chery-tula-assembly.md");
    expect(diagnostics).toEqual([
      {
        file,
        line: 5,
        column: 27,
        severity: "warning",
        ruleId: "unregistered-term",
        message: 'the model "Tiggo 8 Pro" is not in the registry',
        fix: "add it to content/registry/models.yaml with a short description",
      },
      {
        file,
        line: 6,
        column: 17,
        severity: "warning",
        ruleId: "unregistered-term",
        message: 'the partner "Tula Automobile Plant" is not in the registry',
        fix: "add it to content/registry/partners.yaml with a short description",
      },
    ]);
  });

  it.each([
    { company: "Chery", used: "Tiggo 8 Pro Max", written: "Tiggo 8 Pro" },
    { company: "Chery", used: "Tiggo 7 Pro Max", written: "Tiggo 7 Pro" },
    { company: "Chery", used: "Exeed TXL", written: "Exeed LX" },
    { company: "Chery", used: "Omoda C5", written: "Omoda S5" },
    { company: "Haval", used: "Dargo X", written: "Dargo" },
    { company: "Chery", used: "Exeed VX", written: "Exeed LX" },
    { company: "Moskvich", used: "Moskvich 3e", written: "Moskvich 3" },
  ])(
    "lets one article name the $company $written though two name the $used",
    async ({ company, used, written }) => {
      const article = (date: string, model: string) =>
        articleText([
          `title: ${company} ${model} goes on sale in Russia`,
          `date: ${date}`,
          `company: ${company}`,
          `models: [${model}]`,
        ]);
      const { diagnostics } = await diagnosticsOf({
        articles: {
          "first-sales.md": article("2022-06-01", used),
          "price-list.md": article("2022-06-02", used),
          "new-version.md": article("2022-06-03", written),
        },
      });
      expect(diagnostics).toEqual([]);
    },
  );

  it('refuses the company "Livan" as a typo of "Lifan" while only Lifan is registered', async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: { companies: "companies:\n  - name: Lifan\n" },
      articles: { "livan-x3-pro.md": cheryArticle("2022-06-01", "Livan") },
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: path.join(dir, "articles/livan-x3-pro.md"),
        line: 4,
        column: 10,
        severity: "error",
        ruleId: "unknown-company",
        message: 'unknown company "Livan" — did you mean "Lifan"?',
        fix: 'write "Lifan", or add "Livan" to content/registry/companies.yaml if it is another company',
      },
    ]);
  });

  it("never takes a registered name for a typo of another: registering Livan settles it", async () => {
    const { diagnostics } = await diagnosticsOf({
      registry: { companies: "companies:\n  - name: Lifan\n  - name: Livan\n" },
      articles: {
        "livan-x3-pro.md": cheryArticle("2022-06-01", "Livan"),
        "lifan-leaves.md": cheryArticle("2022-06-02", "Lifan"),
      },
    });
    expect(diagnostics).toEqual([]);
  });
});

describe("spelling variants", () => {
  it("warns of CHERY when the other articles write Chery", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      articles: {
        "chery-dealers.md": cheryArticle("2022-06-01"),
        "chery-warranty.md": cheryArticle("2022-06-02"),
        "chery-sales.md": cheryArticle("2022-06-03", "CHERY"),
      },
    });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "articles/chery-sales.md"),
        line: 4,
        column: 10,
        severity: "warning",
        ruleId: "spelling-variant",
        message: '"CHERY" is shown as "Chery", the spelling of its other mentions',
        fix: 'write "Chery"',
      },
    ]);
  });
});

describe("models and their companies", () => {
  it("reports a model the registry files under another company with model-wrong-company", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: CHERY_REGISTRY,
      articles: {
        "geely-tiggo.md": articleText([
          "title: Geely answers the Tiggo 4 Pro with a new crossover",
          "date: 2022-06-01",
          "company: Geely",
          "models: [Tiggo 4 Pro]",
        ]),
      },
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: path.join(dir, "articles/geely-tiggo.md"),
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "model-wrong-company",
        message: 'the registry files the model "Tiggo 4 Pro" under "Chery", not under "Geely"',
        fix: "correct the company, or fix the model's entry in content/registry/models.yaml",
      },
    ]);
  });

  const twoCompanies = articleText([
    "title: Chery and Geely lead Chinese brands in Russia",
    "date: 2022-06-01",
    "company: [Chery, Geely]",
    "models:",
    "  - Tiggo 4 Pro",
  ]);

  it("reports a model of an article naming two companies as ambiguous without a registry", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      articles: { "chinese-brands.md": twoCompanies },
    });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "articles/chinese-brands.md"),
        line: 6,
        column: 5,
        severity: "error",
        ruleId: "model-company-ambiguous",
        message:
          'the article names several companies, so it is unclear whose model "Tiggo 4 Pro" is',
        fix: "write it as `- { name: Tiggo 4 Pro, company: Chery }`",
      },
    ]);
  });

  it("files a model of an article naming two companies under the company the registry says", async () => {
    const dir = await createContentFolder({
      registry: CHERY_REGISTRY,
      articles: { "chinese-brands.md": twoCompanies },
    });
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.articles[0]?.models).toEqual([
      { name: "Tiggo 4 Pro", url: "/models/chery-tiggo-4-pro/" },
    ]);
  });

  it("gives Geely Atlas and Volkswagen Atlas a page each", async () => {
    const dir = await createContentFolder({
      articles: {
        "atlas-name-clash.md": articleText([
          "title: Two crossovers called Atlas meet in Russian showrooms",
          "date: 2022-06-01",
          "company: [Geely, Volkswagen]",
          "models:",
          "  - { name: Atlas, company: Geely }",
          "  - { name: Atlas, company: Volkswagen }",
        ]),
      },
    });
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.termPages.filter((page) => page.term?.kind === "model").map((p) => p.url)).toEqual(
      ["/models/geely-atlas/", "/models/volkswagen-atlas/"],
    );
  });

  it("warns that Volkswagen Atlas is unused when articles name only Geely Atlas", async () => {
    const { dir, diagnostics } = await diagnosticsOf({
      registry: {
        companies: "companies:\n  - name: Geely\n  - name: Volkswagen\n",
        models: [
          "models:",
          "  - name: Atlas",
          "    company: Geely",
          "  - name: Atlas",
          "    company: Volkswagen",
          "",
        ].join("\n"),
      },
      articles: {
        "geely-atlas.md": articleText([
          "title: Geely shows the new generation of the Atlas",
          "date: 2022-06-01",
          "company: [Geely, Volkswagen]",
          "models:",
          "  - { name: Atlas, company: Geely }",
        ]),
      },
    });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "registry/models.yaml"),
        line: 4,
        column: 5,
        severity: "warning",
        ruleId: "registry-unused",
        message: 'no article names the model "Atlas" (Volkswagen)',
        fix: "keep it for future articles, or remove the entry",
      },
    ]);
  });
});
