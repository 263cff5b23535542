import { describe, expect, it } from "vitest";
import { validateArticle } from "../../src/content/validate-article.ts";
import { type RegisteredEntity, Registry } from "../../src/registry/registry.ts";
import { articleFile } from "../support/articles.ts";
import { articleText } from "../support/content-folder.ts";

function entity(
  kind: RegisteredEntity["kind"],
  name: string,
  slug: string,
  more: Partial<RegisteredEntity> = {},
): RegisteredEntity {
  return {
    kind,
    name,
    slug,
    aliases: [],
    formerSlugs: [],
    file: `content/registry/${kind === "company" ? "companies" : `${kind}s`}.yaml`,
    place: { line: 2, column: 5 },
    ...more,
  };
}

const registry = new Registry([
  entity("company", "Chery", "chery", { aliases: ["Чери"] }),
  entity("company", "Geely", "geely"),
  entity("company", "Volkswagen", "volkswagen"),
  entity("model", "Tiggo 4 Pro", "tiggo-4-pro", { companySlug: "chery", aliases: ["Tiggo 4Pro"] }),
  entity("model", "Atlas", "atlas", { companySlug: "geely" }),
  entity("partner", "UAZ", "uaz", { aliases: ["УАЗ"] }),
]);

const FILE = "content/articles/chery-uaz-assembly.md";

/** `title` is line 2, `date` 3, `company` 4, the rest from 5. */
function validate(company: string, extra: readonly string[] = []) {
  return validateArticle(
    articleFile(
      "chery-uaz-assembly",
      articleText([
        "title: Chery and UAZ discuss assembly",
        "date: 2022-06-01",
        `company: ${company}`,
        ...extra,
      ]),
    ),
    "Europe/Moscow",
    registry,
  );
}

describe("registered names", () => {
  it("resolve an alias to the registry's canonical company", () => {
    const { article } = validate("Чери");
    expect(article?.companies.map((c) => [c.name, c.written, c.slug, c.registered])).toEqual([
      ["Chery", "Чери", "chery", true],
    ]);
  });

  it("resolve a model alias to the registry's model of the article's company", () => {
    const { article } = validate("Chery", ["models: Tiggo 4Pro"]);
    expect(article?.models.map((m) => [m.name, m.slug, m.registered])).toEqual([
      ["Tiggo 4 Pro", "tiggo-4-pro", true],
    ]);
  });

  it("resolve a Cyrillic partner alias to the registered partner", () => {
    const { article } = validate("Chery", ["partners: [УАЗ]"]);
    expect(article?.partners.map((p) => [p.name, p.slug, p.status])).toEqual([
      ["UAZ", "uaz", "mentioned"],
    ]);
  });

  it("leave an unregistered name as written", () => {
    const { article } = validate("КАМАЗ");
    expect(article?.companies.map((c) => [c.name, c.slug, c.registered])).toEqual([
      ["КАМАЗ", "kamaz", false],
    ]);
  });
});

describe("models of several companies", () => {
  it("file a plain model under the company the registry files it under", () => {
    const { article } = validate("[Geely, Volkswagen]", ["models: [Atlas]"]);
    expect(article?.models.map((m) => [m.name, m.company.slug])).toEqual([["Atlas", "geely"]]);
  });

  it("report a model the registry files under another company", () => {
    expect(validate("Volkswagen", ["models: [Atlas]"]).diagnostics).toEqual([
      {
        file: FILE,
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "model-wrong-company",
        message: 'the registry files the model "Atlas" under "Geely", not under "Volkswagen"',
        fix: "correct the company, or fix the model's entry in content/registry/models.yaml",
      },
    ]);
  });
});

it("reports a likely typo of a registered company at the name", () => {
  expect(validate("Cherry").diagnostics).toEqual([
    {
      file: FILE,
      line: 4,
      column: 10,
      severity: "error",
      ruleId: "unknown-company",
      message: 'unknown company "Cherry" — did you mean "Chery"?',
      fix: 'write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company',
    },
  ]);
});
