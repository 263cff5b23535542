import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { attributeValues, parseHtml, textOf } from "../support/html.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

describe("a company page", () => {
  it("lists the partners named with the company, with the articles they share", () => {
    const page = parseHtml(site.readPage("/companies/chery/"));
    expect(page.querySelectorAll(".term-relations li").map((item) => textOf(item))).toEqual([
      "Moskvich 2 articles together",
      "UAZ 2 articles together",
    ]);
  });

  it("draws its partners as an SVG of links, each with an accessible name", () => {
    const svg = parseHtml(site.readPage("/companies/chery/")).querySelector(
      ".relationship-graph svg",
    );
    expect(
      svg
        ?.querySelectorAll("a")
        .map((link) => [link.getAttribute("href"), textOf(link.querySelector("title"))]),
    ).toEqual([
      ["/companies/chery/", "Chery: company, 13 articles"],
      ["/partners/moskvich/", "Moskvich: partner, 2 articles with Chery"],
      ["/partners/uaz/", "UAZ: partner, 2 articles with Chery"],
      ["/companies/jac/", "JAC: company, 1 article with Moskvich"],
    ]);
  });

  it("draws the graph in the text colour, so it reads in light and dark mode", () => {
    const svg = parseHtml(site.readPage("/companies/chery/")).querySelector(
      ".relationship-graph svg",
    );
    const colours = new Set(
      (svg?.querySelectorAll("[fill], [stroke]") ?? []).flatMap((element) =>
        [element.getAttribute("fill"), element.getAttribute("stroke")].filter(
          (value) => value !== undefined,
        ),
      ),
    );
    expect([...colours]).toEqual(["currentColor"]);
  });

  it("gives the graph's relations as a list too", () => {
    const page = parseHtml(site.readPage("/companies/chery/"));
    expect(
      page.querySelectorAll(".relationship-graph__list li").map((item) => textOf(item)),
    ).toEqual([
      "Moskvich (2 articles with Chery): also works with JAC (1)",
      "UAZ (2 articles with Chery)",
    ]);
  });
});

describe("a company's later page", () => {
  it("names the company, its kind and its count above the list", () => {
    const page = parseHtml(site.readPage("/companies/chery/page/2/"));
    expect(
      [".term-kind", "h1", ".term-count"].map((selector) => textOf(page.querySelector(selector))),
    ).toEqual(["Company", "Chery page 2", "13 articles"]);
  });

  it("links back to the company's first page", () => {
    const page = parseHtml(site.readPage("/companies/chery/page/2/"));
    expect(attributeValues(page, ".term-first-page a", "href")).toEqual(["/companies/chery/"]);
  });

  it("repeats none of the first page's models, partners, graph or subscribe line", () => {
    const page = parseHtml(site.readPage("/companies/chery/page/2/"));
    const repeated = [".term-models", ".term-relations", ".relationship-graph", ".subscribe"];
    expect(repeated.filter((selector) => page.querySelector(selector))).toEqual([]);
  });
});

describe("a partner page", () => {
  it("lists the companies the partner works with, with the articles they share", () => {
    const page = parseHtml(site.readPage("/partners/uaz/"));
    expect(page.querySelectorAll(".term-relations li").map((item) => textOf(item))).toEqual([
      "Chery 2 articles together",
    ]);
  });
});

describe("a model page", () => {
  it("names and links its company", () => {
    const page = parseHtml(site.readPage("/models/chery-tiggo-4-pro/"));
    expect(attributeValues(page, ".term-kind a", "href")).toEqual(["/companies/chery/"]);
  });
});

describe("the directories", () => {
  it("offer the companies by name and by number of articles, marking the page shown", () => {
    const current = (url: string) =>
      parseHtml(site.readPage(url))
        .querySelectorAll(".directory-orders a")
        .map((link) => [link.getAttribute("href"), link.getAttribute("aria-current") ?? null]);
    expect([current("/companies/"), current("/companies/by-count/")]).toEqual([
      [
        ["/companies/", "page"],
        ["/companies/by-count/", null],
      ],
      [
        ["/companies/", null],
        ["/companies/by-count/", "page"],
      ],
    ]);
  });

  it("list the company with the most articles first on the by-count page", () => {
    const page = parseHtml(site.readPage("/companies/by-count/"));
    expect(attributeValues(page, ".directory a", "href")[0]).toBe("/companies/chery/");
  });
});
