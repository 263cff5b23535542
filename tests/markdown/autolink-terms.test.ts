import { describe, expect, it } from "vitest";
import { remarkAutolinkTerms, termLinker } from "../../src/markdown/autolink-terms.ts";
import { renderMarkdown } from "../../src/markdown/render-markdown.ts";

const linker = termLinker(
  new Map([
    ["Chery", "/companies/chery/"],
    ["Чери", "/companies/chery/"],
    ["Tiggo", "/models/chery-tiggo/"],
    ["Tiggo 4 Pro", "/models/chery-tiggo-4-pro/"],
    ["UAZ", "/partners/uaz/"],
    ["Atlas", "/models/volkswagen-atlas/"],
  ]),
);

const linked = (markdown: string, own?: ReadonlyMap<string, string>) =>
  renderMarkdown(markdown, remarkAutolinkTerms(linker, own)).html.trim();

describe("linking names in the text", () => {
  it("links the first mention of a company to its page", () => {
    expect(linked("Chery opens a plant.")).toBe(
      '<p><a href="/companies/chery/">Chery</a> opens a plant.</p>',
    );
  });

  it("links each term once, whatever name it is written by", () => {
    expect(linked("Chery and UAZ talk. Чери and UAZ agree.")).toBe(
      '<p><a href="/companies/chery/">Chery</a> and <a href="/partners/uaz/">UAZ</a> talk. Чери and UAZ agree.</p>',
    );
  });

  it("matches whole words only, in any script", () => {
    expect(linked("Cherylin and Чериков met at UAZ-2.")).toBe(
      '<p>Cherylin and Чериков met at <a href="/partners/uaz/">UAZ</a>-2.</p>',
    );
  });

  it("prefers the longest name", () => {
    expect(linked("The Tiggo 4 Pro replaces the Tiggo.")).toBe(
      '<p>The <a href="/models/chery-tiggo-4-pro/">Tiggo 4 Pro</a> replaces the <a href="/models/chery-tiggo/">Tiggo</a>.</p>',
    );
  });

  it("leaves headings, links, code and images alone and links the next mention", () => {
    const markdown = [
      "## Chery in Russia",
      "",
      "[Chery news](https://tass.com/) · `Chery` · ![Chery Tiggo 4 Pro](tiggo.jpg)",
      "",
      "```",
      "Chery",
      "```",
      "",
      "Chery grows.",
    ].join("\n");
    expect(linked(markdown)).toBe(
      [
        "<h2>Chery in Russia</h2>",
        '<p><a href="https://tass.com/" rel="noopener noreferrer">Chery news</a> · <code>Chery</code> · <img src="tiggo.jpg" alt="Chery Tiggo 4 Pro"></p>',
        "<pre><code>Chery",
        "</code></pre>",
        '<p><a href="/companies/chery/">Chery</a> grows.</p>',
      ].join("\n"),
    );
  });

  it("reads a name as the article's own front-matter does", () => {
    const own = new Map([["Atlas", "/models/geely-atlas/"]]);
    expect(linked("The Atlas is new.", own)).toBe(
      '<p>The <a href="/models/geely-atlas/">Atlas</a> is new.</p>',
    );
  });

  it("links nothing when no names are known", () => {
    expect(
      renderMarkdown("Chery opens a plant.", remarkAutolinkTerms(termLinker(new Map()))).html,
    ).toBe("<p>Chery opens a plant.</p>\n");
  });
});
