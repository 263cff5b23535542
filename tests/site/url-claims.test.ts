import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import type { Article } from "../../src/markdown/article.ts";
import { termSlug } from "../../src/registry/normalize-term.ts";
import { type RegisteredEntity, Registry } from "../../src/registry/registry.ts";
import { PAGE_LISTS } from "../../src/site/page-lists.ts";
import { buildSiteData } from "../../src/site/site-data.ts";
import { type ClaimContext, claimUrls, fixedFilesOfProject } from "../../src/site/url-claims.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { modelSlug } from "../../src/taxonomy/term.ts";
import { directoryByCountUrl, outputFileOf, type TermKind, termUrl } from "../../src/urls.ts";
import { siteSettings, validArticle } from "../support/articles.ts";

const TERM_FIX = (kind: string) =>
  `correct whichever name is wrong, or write the ${kind}'s full name so its page gets an address of its own`;
const FORMER_FIX = "remove that former name from the entry: its old address cannot send readers on";

/** An article about `company` on `day`; front-matter line 4 is `company:`, line 5 `models:`. */
function article(
  baseName: string,
  day: string,
  company: string,
  more: readonly string[] = [],
): Article {
  return validArticle(baseName, [
    `title: ${company} news of ${day}`,
    `date: ${day}`,
    `company: ${company}`,
    ...more,
  ]);
}

/** `count` articles about a company, a day apart in June 2022. */
function articlesAbout(prefix: string, company: string, count: number, more: readonly string[]) {
  return Array.from({ length: count }, (_, index) =>
    article(
      `${prefix}-${index + 1}`,
      `2022-06-${String(index + 1).padStart(2, "0")}`,
      company,
      more,
    ),
  );
}

const REGISTRY_FILES: Record<TermKind, string> = {
  company: "content/registry/companies.yaml",
  model: "content/registry/models.yaml",
  partner: "content/registry/partners.yaml",
};

/** A registry entry written at `line` of its file, with its former names. */
function entry(
  kind: TermKind,
  name: string,
  formerly: readonly string[],
  line: number,
  companySlug?: string,
): RegisteredEntity {
  return {
    kind,
    name,
    slug: termSlug(name) ?? "",
    aliases: [],
    formerSlugs: formerly.map((former) => termSlug(former) ?? ""),
    file: REGISTRY_FILES[kind],
    place: { line, column: 5 },
    ...(companySlug ? { companySlug } : {}),
  };
}

function siteOf(articles: readonly Article[], entities: readonly RegisteredEntity[] = []) {
  const sorted = [...articles].sort(compareNewestFirst);
  const index = buildTermIndex(sorted);
  const registry = new Registry(entities);
  const news = buildSiteData(siteSettings(), sorted, index, { registry, today: "2099-01-01" });
  const context: ClaimContext = { articles: sorted, index, registry };
  return { news, context };
}

function claims(articles: readonly Article[], entities: readonly RegisteredEntity[] = []) {
  const { news, context } = siteOf(articles, entities);
  return claimUrls(news, context);
}

/** An article whose company slug is forced past the loader's own check of reserved names. */
function companyNamedByCount(): Article {
  const haval = article("by-count-motors", "2022-06-01", "Haval");
  const [company] = haval.companies;
  if (!company) throw new Error("the fixture names no company");
  return {
    ...haval,
    companies: [{ ...company, name: "By Count", written: "By Count", slug: "by-count" }],
  };
}

interface Case {
  collision: string;
  articles: () => Article[];
  registry?: RegisteredEntity[];
  expected: Diagnostic[];
}

const CASES: Case[] = [
  {
    collision: "two companies' models whose names join to one address",
    articles: () => [
      article("chery-tiggo-4-pro-prices", "2022-06-02", "Chery Tiggo", ["models: [4 Pro]"]),
      article("chery-tiggo-4-pro-assembly", "2022-06-01", "Chery", ["models: [Tiggo 4 Pro]"]),
    ],
    expected: [
      {
        file: "content/articles/chery-tiggo-4-pro-prices.md",
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message:
          '/models/chery-tiggo-4-pro/ is claimed by the model "4 Pro" of Chery Tiggo and by the model "Tiggo 4 Pro" of Chery (content/articles/chery-tiggo-4-pro-assembly.md:5:10)',
        fix: TERM_FIX("model"),
      },
    ],
  },
  {
    collision: "a model at the address of the model directory by number of articles",
    articles: () => [article("by-count-launch", "2022-06-01", "By", ["models: [Count]"])],
    expected: [
      {
        file: "content/articles/by-count-launch.md",
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message:
          '/models/by-count/ is claimed by the model "Count" of By and by the directory "Models" (templates/pages/directory.njk:1:1)',
        fix: TERM_FIX("model"),
      },
    ],
  },
  {
    collision: "a company at the address of the company directory by number of articles",
    articles: () => [companyNamedByCount()],
    expected: [
      {
        file: "content/articles/by-count-motors.md",
        line: 4,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message:
          '/companies/by-count/ is claimed by the company "By Count" and by the directory "Companies" (templates/pages/directory.njk:1:1)',
        fix: TERM_FIX("company"),
      },
    ],
  },
  {
    collision: "two articles at one address",
    articles: () => [
      article("chery-plant", "2022-06-02", "Chery"),
      article("chery-plant-tula", "2022-06-01", "Chery", ["slug: chery-plant"]),
    ],
    expected: [
      {
        file: "content/articles/chery-plant.md",
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "duplicate-url",
        message:
          "this article and content/articles/chery-plant-tula.md would both be published at /articles/chery-plant/",
        fix: "give one of them a different `slug:` (or file name)",
      },
      {
        file: "content/articles/chery-plant-tula.md",
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "duplicate-url",
        message:
          "this article and content/articles/chery-plant.md would both be published at /articles/chery-plant/",
        fix: "give one of them a different `slug:` (or file name)",
      },
    ],
  },
  {
    collision: "a company's former name that another company's page still has",
    articles: () => [
      article("avtovaz-lada-sales", "2022-06-02", "AvtoVAZ"),
      article("lada-dealers", "2022-06-01", "Lada"),
    ],
    // Lada listed after AvtoVAZ: the name means its own entry, whose page holds the address.
    registry: [entry("company", "AvtoVAZ", ["Lada"], 2), entry("company", "Lada", [], 6)],
    expected: [
      {
        file: "content/registry/companies.yaml",
        line: 2,
        column: 5,
        severity: "warning",
        ruleId: "former-address-taken",
        message:
          'the former name of the company "AvtoVAZ" cannot redirect from /companies/lada/: that address belongs to the company "Lada" (content/articles/lada-dealers.md:4:10)',
        fix: FORMER_FIX,
      },
    ],
  },
  {
    collision: "a partner's former name that is its current name in another script",
    articles: () => [
      article("chery-moskvich-talks", "2022-06-01", "Chery", ["partners: [Moskvich]"]),
    ],
    registry: [entry("partner", "Moskvich", ["Москвич"], 2)],
    expected: [
      {
        file: "content/registry/partners.yaml",
        line: 2,
        column: 5,
        severity: "warning",
        ruleId: "former-address-taken",
        message:
          'the former name of the partner "Moskvich" cannot redirect from /partners/moskvich/: that address belongs to the partner "Moskvich" (content/articles/chery-moskvich-talks.md:5:12)',
        fix: FORMER_FIX,
      },
    ],
  },
  {
    collision: "a company's former name at the address of a directory",
    articles: () => [article("haval-jolion-prices", "2022-06-01", "Haval")],
    registry: [entry("company", "Haval", ["By Count"], 2)],
    expected: [
      {
        file: "content/registry/companies.yaml",
        line: 2,
        column: 5,
        severity: "warning",
        ruleId: "former-address-taken",
        message:
          'the former name of the company "Haval" cannot redirect from /companies/by-count/: that address belongs to the directory "Companies" (templates/pages/directory.njk:1:1)',
        fix: FORMER_FIX,
      },
    ],
  },
  {
    collision: "a model's former name that another company's model now has",
    articles: () => [
      article("chery-tiggo-4-pro-prices", "2022-06-02", "Chery", ["models: [Tiggo 4 Pro]"]),
      article("chery-tiggo-4-launch", "2022-06-01", "Chery Tiggo", ['models: ["4"]']),
    ],
    registry: [entry("model", "Tiggo 4 Pro", ["Tiggo 4"], 3, "chery")],
    expected: [
      {
        file: "content/registry/models.yaml",
        line: 3,
        column: 5,
        severity: "warning",
        ruleId: "former-address-taken",
        message:
          'the former name of the model "Tiggo 4 Pro" cannot redirect from /models/chery-tiggo-4/: that address belongs to the model "4" of Chery Tiggo (content/articles/chery-tiggo-4-launch.md:5:10)',
        fix: FORMER_FIX,
      },
    ],
  },
  {
    collision: "two companies listing the same former name",
    articles: () => [
      article("moskvich-plant-restart", "2022-06-02", "Moskvich"),
      article("renault-russia-exit", "2022-06-01", "Renault Russia"),
    ],
    registry: [
      entry("company", "Moskvich", ["Avtoframos"], 2),
      entry("company", "Renault Russia", ["Avtoframos"], 5),
    ],
    expected: [
      {
        file: "content/registry/companies.yaml",
        line: 5,
        column: 5,
        severity: "warning",
        ruleId: "former-address-taken",
        message:
          'the former name of the company "Renault Russia" cannot redirect from /companies/avtoframos/: that address belongs to the former name of the company "Moskvich" (content/registry/companies.yaml:2:5)',
        fix: FORMER_FIX,
      },
    ],
  },
  {
    collision: "two spellings of one source, which share its page",
    articles: () => [
      article("chery-plant", "2022-06-02", "Chery", ["source: { name: TASS }"]),
      article("haval-plant", "2022-06-01", "Haval", ["source: { name: Tass }"]),
    ],
    expected: [],
  },
  {
    collision: "two articles showing one lead picture, which share its files",
    articles: () => {
      const image = {
        file: "/srv/content/images/chery-tula-plant.jpg",
        hash: "5f1c0a9e4b7d2c3e8f6a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e",
        width: 1600,
        height: 900,
        alt: "The Chery assembly line in Tula",
      };
      return [
        { ...article("chery-tula-plant", "2022-06-02", "Chery"), image },
        { ...article("haval-tula-plant", "2022-06-01", "Haval"), image },
      ];
    },
    expected: [],
  },
  {
    collision: "a company called Page beside the further pages of the directory and of itself",
    articles: () => articlesAbout("page-motors", "Page", 11, []),
    expected: [],
  },
  {
    collision: "two models at one address across their further pages and feeds, told once",
    articles: () => [
      ...articlesAbout("chery-tiggo-4-pro", "Chery", 11, ["models: [Tiggo 4 Pro]"]),
      ...articlesAbout("chery-tiggo-4", "Chery Tiggo", 11, ["models: [4 Pro]"]),
    ],
    expected: [
      {
        file: "content/articles/chery-tiggo-4-11.md",
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message:
          '/models/chery-tiggo-4-pro/ is claimed by the model "4 Pro" of Chery Tiggo and by the model "Tiggo 4 Pro" of Chery (content/articles/chery-tiggo-4-pro-11.md:5:10)',
        fix: TERM_FIX("model"),
      },
    ],
  },
];

describe("claiming every address of the site", () => {
  it.each(CASES)("tells $collision", ({ articles, registry, expected }) => {
    expect(claims(articles(), registry)).toEqual(expected);
  });

  it("writes no redirect over a directory", () => {
    const { news } = siteOf(
      [article("haval-jolion-prices", "2022-06-01", "Haval")],
      [entry("company", "Haval", ["By Count"], 2)],
    );
    expect(news.redirects).toEqual([]);
  });

  it("claims the site's own pages and copied assets from the templates that write them", () => {
    expect(fixedFilesOfProject()).toEqual(
      expect.arrayContaining([
        { url: "/search/", origin: { file: "templates/pages/search.njk", line: 3, column: 1 } },
        { url: "/_headers", origin: { file: "templates/pages/headers.njk", line: 2, column: 1 } },
        { url: "/404.html", origin: { file: "templates/pages/404.njk", line: 3, column: 1 } },
        {
          url: "/assets/site.css",
          origin: { file: "templates/assets/site.css", line: 1, column: 1 },
        },
      ]),
    );
  });
});

// Names whose slugs join alike across companies, or land on a directory's address.
const COMPANIES = ["Chery", "Chery Tiggo", "By", "Haval"];
const MODELS = ["Tiggo 4 Pro", "4 Pro", "Tiggo", "Count", "Jolion"];

describe("for any articles", () => {
  it("reports a conflict exactly when two models, or a model and a directory, share an address; otherwise every page has a file of its own", () => {
    const mention = fc.record({
      company: fc.constantFrom(...COMPANIES),
      model: fc.constantFrom(...MODELS),
    });
    fc.assert(
      fc.property(fc.array(mention, { minLength: 1, maxLength: 6 }), (mentions) => {
        const articles = mentions.map(({ company, model }, index) =>
          article(`article-${index}`, `2022-05-${String(index + 1).padStart(2, "0")}`, company, [
            `models: [${model}]`,
          ]),
        );
        const { news, context } = siteOf(articles);
        // The oracle reads the URL scheme alone: which (company, model) pairs want which address.
        const owners = new Map<string, Set<string>>();
        for (const { company, model } of mentions) {
          const url = termUrl("model", modelSlug(termSlug(company) ?? "", termSlug(model) ?? ""));
          owners.set(url, new Set([...(owners.get(url) ?? []), `${company}/${model}`]));
        }
        const shared = [...owners].some(
          ([url, pairs]) => pairs.size > 1 || url === directoryByCountUrl("model"),
        );
        const errors = claimUrls(news, context).filter((d) => d.severity === "error");
        expect(errors.length > 0).toBe(shared);
        if (shared) return;
        const files = [
          ...PAGE_LISTS.flatMap((list) => list.items(news).flatMap((item) => list.urlsOf(item))),
          ...fixedFilesOfProject().map((file) => file.url),
        ].map(outputFileOf);
        expect(new Set(files).size).toBe(files.length);
      }),
      { numRuns: 60 },
    );
  });
});
