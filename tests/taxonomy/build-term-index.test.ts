import { describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Article } from "../../src/markdown/article.ts";
import type { Term } from "../../src/site/views.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { validArticle } from "../support/articles.ts";

function article(slug: string, date: string, terms: readonly string[]): Article {
  return validArticle(slug, [`title: ${slug}`, `date: ${date}`, ...terms]);
}

function index(...articles: Article[]) {
  return buildTermIndex([...articles].sort(compareNewestFirst));
}

const names = (terms: readonly Term[]) => terms.map((term) => [term.name, term.url]);

describe("companies", () => {
  it("makes CHERY, ' Chery ' and Chery with a no-break space one company", () => {
    const { companies } = index(
      article("chery-sales", "2022-06-01", ["company: CHERY"]),
      article("chery-dealers", "2022-06-02", ['company: " Chery "']),
      article("chery-warranty", "2022-06-03", ['company: "Chery\\u00a0"']),
    );
    expect(companies.map((term) => [term.url, term.articles.length])).toEqual([
      ["/companies/chery/", 3],
    ]);
  });

  it("names a company by its most frequent spelling", () => {
    const { companies } = index(
      article("chery-sales", "2022-06-01", ["company: CHERY"]),
      article("chery-dealers", "2022-06-02", ["company: Chery"]),
      article("chery-warranty", "2022-06-03", ["company: Chery"]),
    );
    expect(companies.map((term) => term.name)).toEqual(["Chery"]);
  });

  it("names a company by the newest article's spelling on a tie", () => {
    const { companies } = index(
      article("chery-sales", "2022-06-01", ["company: CHERY"]),
      article("chery-dealers", "2022-06-02", ["company: Chery"]),
    );
    expect(companies.map((term) => term.name)).toEqual(["Chery"]);
  });

  it("makes the NFC and NFD forms of Škoda one company", () => {
    const { companies } = index(
      article("skoda-kaluga", "2022-06-01", [`company: ${"Škoda".normalize("NFC")}`]),
      article("skoda-exit", "2022-06-02", [`company: ${"Škoda".normalize("NFD")}`]),
    );
    expect(companies.map((term) => [term.url, term.articles.length])).toEqual([
      ["/companies/skoda/", 2],
    ]);
  });

  it("puts Москвич and Moskvich on the same page", () => {
    const { companies } = index(
      article("moskvich-restart", "2022-06-01", ["company: Москвич"]),
      article("moskvich-jac", "2022-06-02", ["company: Moskvich"]),
    );
    expect(companies.map((term) => [term.url, term.articles.map((a) => a.slug)])).toEqual([
      ["/companies/moskvich/", ["moskvich-jac", "moskvich-restart"]],
    ]);
  });

  it("gives КАМАЗ the page /companies/kamaz/", () => {
    const { companies } = index(article("kamaz-bus", "2022-06-01", ["company: КАМАЗ"]));
    expect(names(companies)).toEqual([["КАМАЗ", "/companies/kamaz/"]]);
  });

  it("lists a company's articles newest first", () => {
    const { companies } = index(
      article("chery-sales", "2022-06-01", ["company: Chery"]),
      article("chery-warranty", "2022-06-03", ["company: Chery"]),
      article("chery-dealers", "2022-06-02", ["company: Chery"]),
    );
    expect(companies[0]?.articles.map((a) => a.slug)).toEqual([
      "chery-warranty",
      "chery-dealers",
      "chery-sales",
    ]);
  });

  it("sorts companies by name", () => {
    const { companies } = index(
      article("uaz-chery", "2022-06-01", ["company: [UAZ, Haval, Chery]"]),
    );
    expect(companies.map((term) => term.name)).toEqual(["Chery", "Haval", "UAZ"]);
  });
});

describe("models", () => {
  it("gives Geely Atlas and Volkswagen Atlas two pages", () => {
    const { models } = index(
      article("geely-atlas", "2022-06-01", ["company: Geely", "models: Atlas"]),
      article("vw-atlas", "2022-06-02", ["company: Volkswagen", "models: Atlas"]),
    );
    expect(names(models)).toEqual([
      ["Atlas", "/models/geely-atlas/"],
      ["Atlas", "/models/volkswagen-atlas/"],
    ]);
  });

  it("ties each model to its company", () => {
    const { models } = index(
      article("tiggo", "2022-06-01", ["company: Chery", "models: Tiggo 4 Pro"]),
    );
    expect(models.map((model) => model.company?.url)).toEqual(["/companies/chery/"]);
  });

  it("lists a company's models", () => {
    const { companies } = index(
      article("tiggo-4", "2022-06-01", ["company: Chery", "models: [Tiggo 4 Pro, Arrizo 8]"]),
      article("tiggo-7", "2022-06-02", ["company: Chery", "models: [Tiggo 4 Pro]"]),
    );
    expect(
      companies[0]?.models.map((model) => [model.name, model.url, model.articles.length]),
    ).toEqual([
      ["Arrizo 8", "/models/chery-arrizo-8/", 1],
      ["Tiggo 4 Pro", "/models/chery-tiggo-4-pro/", 2],
    ]);
  });
});

describe("partners", () => {
  it("collects partners apart from companies", () => {
    const { companies, partners } = index(
      article("chery-uaz", "2022-06-01", ["company: Chery", "partners: [UAZ, { name: КАМАЗ }]"]),
    );
    expect([names(companies), names(partners)]).toEqual([
      [["Chery", "/companies/chery/"]],
      [
        ["UAZ", "/partners/uaz/"],
        ["КАМАЗ", "/partners/kamaz/"],
      ],
    ]);
  });
});

it("indexes no terms for no articles", () => {
  expect(buildTermIndex([])).toEqual({ companies: [], models: [], partners: [] });
});
