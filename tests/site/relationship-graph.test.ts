import { describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Article } from "../../src/markdown/article.ts";
import { relationshipGraph } from "../../src/site/relationship-graph.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { buildTermRelations } from "../../src/taxonomy/term-relations.ts";
import { validArticle } from "../support/articles.ts";

function article(slug: string, date: string, terms: readonly string[]): Article {
  return validArticle(slug, [`title: ${slug}`, `date: ${date}`, ...terms]);
}

function graphOf(
  articles: readonly Article[],
  company: string,
  limits?: Parameters<typeof relationshipGraph>[2],
) {
  const index = buildTermIndex([...articles].sort(compareNewestFirst));
  const centre = index.companies.find((term) => term.name === company);
  if (!centre) throw new Error(`no company ${company}`);
  return relationshipGraph(centre, buildTermRelations(index), limits);
}

const cheryNews = [
  article("chery-uaz-assembly-talks", "2022-06-01", [
    "company: Chery",
    "partners: [{ name: UAZ, status: in-talks }, Moskvich]",
  ]),
  article("chery-uaz-kit-assembly", "2022-07-12", ["company: Chery", "partners: [UAZ]"]),
  article("geely-uaz-engines", "2022-08-03", ["company: Geely", "partners: [UAZ]"]),
  article("haval-uaz-dealers", "2022-08-04", ["company: Haval", "partners: [UAZ, Moskvich]"]),
];

describe("relationship graph", () => {
  it("puts the company in the centre, its partners on a circle and theirs outside", () => {
    const graph = graphOf(cheryNews, "Chery");
    expect(graph?.nodes.map((node) => [node.name, node.ring, node.x, node.y])).toEqual([
      ["Chery", 0, 440, 320],
      ["UAZ", 1, 440, 180],
      ["Moskvich", 1, 440, 460],
      ["Geely", 2, 440, 70],
      ["Haval", 2, 440, 570],
    ]);
  });

  it("draws a shared company once, with an edge from each partner", () => {
    const graph = graphOf(cheryNews, "Chery");
    const haval = graph?.nodes.find((node) => node.name === "Haval");
    const intoHaval = graph?.edges.filter((edge) => edge.x2 === haval?.x && edge.y2 === haval?.y);
    expect([
      graph?.nodes.filter((node) => node.name === "Haval").length,
      intoHaval?.length,
    ]).toEqual([1, 2]);
  });

  it("links every node to its page and names it with its relation", () => {
    const graph = graphOf(cheryNews, "Chery");
    expect(graph?.nodes.map((node) => [node.url, node.title])).toEqual([
      ["/companies/chery/", "Chery: company, 2 articles"],
      ["/partners/uaz/", "UAZ: partner, 2 articles with Chery"],
      ["/partners/moskvich/", "Moskvich: partner, 1 article with Chery"],
      ["/companies/geely/", "Geely: company, 1 article with UAZ"],
      ["/companies/haval/", "Haval: company, 1 article with UAZ"],
    ]);
  });

  it("lists the same relations as text", () => {
    expect(graphOf(cheryNews, "Chery")?.list).toEqual([
      {
        partner: { name: "UAZ", url: "/partners/uaz/", count: 2 },
        companies: [
          { name: "Geely", url: "/companies/geely/", count: 1 },
          { name: "Haval", url: "/companies/haval/", count: 1 },
        ],
        moreCompanies: 0,
      },
      {
        partner: { name: "Moskvich", url: "/partners/moskvich/", count: 1 },
        companies: [{ name: "Haval", url: "/companies/haval/", count: 1 }],
        moreCompanies: 0,
      },
    ]);
  });

  it("caps partners and their companies and counts what it leaves out", () => {
    const graph = graphOf(cheryNews, "Chery", { partners: 1, companiesPerPartner: 1 });
    expect([
      graph?.nodes.map((node) => node.name),
      graph?.list[0]?.moreCompanies,
      graph?.morePartners,
    ]).toEqual([["Chery", "UAZ", "Geely"], 1, 1]);
  });

  it("places labels outside their nodes, away from the centre", () => {
    const graph = graphOf(cheryNews, "Chery");
    expect(graph?.nodes.map((node) => [node.name, node.label])).toEqual([
      ["Chery", { x: 440, y: 364, anchor: "middle" }],
      ["UAZ", { x: 440, y: 158, anchor: "middle" }],
      ["Moskvich", { x: 440, y: 494, anchor: "middle" }],
      ["Geely", { x: 440, y: 53, anchor: "middle" }],
      ["Haval", { x: 440, y: 599, anchor: "middle" }],
    ]);
  });

  it("crops its drawing to the nodes and labels, so a small graph is not lost in space", () => {
    const graph = graphOf(cheryNews, "Chery");
    if (!graph) throw new Error("no graph");
    const inside = graph.nodes.every(
      (node) =>
        node.x - node.radius >= graph.minX &&
        node.x + node.radius <= graph.minX + graph.width &&
        node.y - node.radius >= graph.minY &&
        node.y + node.radius <= graph.minY + graph.height,
    );
    expect({ inside, narrowerThanTheCanvas: graph.width < 880 }).toEqual({
      inside: true,
      narrowerThanTheCanvas: true,
    });
  });

  it("is left out for a company without partners", () => {
    const lone = article("haval-jolion-prices", "2022-09-01", ["company: Haval"]);
    expect(graphOf([lone], "Haval")).toBeUndefined();
  });
});
