import { describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Article } from "../../src/markdown/article.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { buildTermRelations } from "../../src/taxonomy/term-relations.ts";
import { validArticle } from "../support/articles.ts";

function article(slug: string, date: string, terms: readonly string[]): Article {
  return validArticle(slug, [`title: ${slug}`, `date: ${date}`, ...terms]);
}

function relationsOf(articles: readonly Article[]) {
  const index = buildTermIndex([...articles].sort(compareNewestFirst));
  const relations = buildTermRelations(index);
  return (kind: "companies" | "partners", name: string) => {
    const term = index[kind].find((candidate) => candidate.name === name);
    if (!term) throw new Error(`no ${kind} named ${name}`);
    return (relations.get(term) ?? []).map((relation) => [relation.term.name, relation.count]);
  };
}

const articles = [
  article("chery-uaz-assembly-talks", "2022-06-01", [
    "company: Chery",
    "partners: [{ name: UAZ, status: in-talks }, Moskvich]",
  ]),
  article("chery-uaz-kit-assembly", "2022-07-12", ["company: Chery", "partners: [UAZ]"]),
  article("geely-avtotor-kaliningrad", "2022-08-03", [
    "company: [Geely, Haval]",
    "partners: [Avtotor, UAZ]",
  ]),
];

describe("term relations", () => {
  it("count the articles naming a company and each partner, most first", () => {
    expect(relationsOf(articles)("companies", "Chery")).toEqual([
      ["UAZ", 2],
      ["Moskvich", 1],
    ]);
  });

  it("count the articles naming a partner and each company, ties by name", () => {
    expect(relationsOf(articles)("partners", "UAZ")).toEqual([
      ["Chery", 2],
      ["Geely", 1],
      ["Haval", 1],
    ]);
  });

  it("leave a company without partners out", () => {
    const relations = buildTermRelations(
      buildTermIndex([article("haval-jolion-prices", "2022-09-01", ["company: Haval"])]),
    );
    expect(relations.size).toBe(0);
  });
});
