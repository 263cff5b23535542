import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render-markdown.ts";

describe("Markdown that renders", () => {
  it("renders a table", () => {
    const { html } = renderMarkdown(
      "| Model | Price, mln rub |\n|---|---|\n| Tiggo 4 Pro | 1.5 |\n",
    );
    expect(html).toBe(
      "<table>\n<thead>\n<tr>\n<th>Model</th>\n<th>Price, mln rub</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Tiggo 4 Pro</td>\n<td>1.5</td>\n</tr>\n</tbody>\n</table>\n",
    );
  });

  it("renders a list", () => {
    expect(renderMarkdown("- Tiggo 4 Pro\n- Tiggo 7 Pro\n").html).toBe(
      "<ul>\n<li>Tiggo 4 Pro</li>\n<li>Tiggo 7 Pro</li>\n</ul>\n",
    );
  });

  it("renders a web link", () => {
    expect(renderMarkdown("Reported by [TASS](https://tass.com/economy/1462151).").html).toBe(
      '<p>Reported by <a href="https://tass.com/economy/1462151" rel="noopener noreferrer">TASS</a>.</p>\n',
    );
  });

  it("renders bold and italic", () => {
    expect(renderMarkdown("**Chery** is _growing_.").html).toBe(
      "<p><strong>Chery</strong> is <em>growing</em>.</p>\n",
    );
  });
});

describe("template syntax", () => {
  it.each(["{{ title }}", "{% include x %}", "{# c #}"])("prints %s literally", (syntax) => {
    expect(renderMarkdown(`Chery wrote ${syntax} here.`).html).toBe(
      `<p>Chery wrote ${syntax} here.</p>\n`,
    );
  });
});

describe("dangerous HTML never reaches the page", () => {
  it("drops a raw script element", () => {
    expect(renderMarkdown("Chery.\n\n<script>alert(1)</script>\n").html).not.toMatch(/<script/i);
  });

  it("drops an iframe", () => {
    expect(
      renderMarkdown('<iframe src="https://evil.example/"></iframe>\n\nChery.').html,
    ).not.toMatch(/<iframe/i);
  });

  it("drops an image with an onerror handler", () => {
    expect(renderMarkdown('<img src="x" onerror="alert(1)">').html).not.toMatch(/onerror/i);
  });

  it("drops a javascript: link target", () => {
    expect(renderMarkdown("[Chery prices](javascript:alert(1))").html).toBe(
      "<p><a>Chery prices</a></p>\n",
    );
  });

  it("drops a data: link target", () => {
    expect(renderMarkdown("[Tiggo](data:text/html;base64,PHNjcmlwdD4=)").html).not.toContain(
      "data:",
    );
  });

  it("drops a javascript: image source", () => {
    expect(renderMarkdown("![Tiggo 4 Pro](javascript:alert(1))").html).toBe(
      '<p><img alt="Tiggo 4 Pro"></p>\n',
    );
  });
});

describe("facts about the body", () => {
  it("records where raw HTML is written, in the body's own lines", () => {
    expect(renderMarkdown("Chery.\n\nThe <b>plant</b> is in Tula.\n").rawHtml).toEqual([
      { line: 3, column: 5 },
      { line: 3, column: 13 },
    ]);
  });

  it("gives the first paragraph as plain text", () => {
    expect(
      renderMarkdown(
        "# Chery\n\nThe **Chinese** company [Chery](https://chery.ru)\nis growing.\n\nMore.",
      ).firstParagraph,
    ).toBe("The Chinese company Chery is growing.");
  });

  it("counts words, not punctuation", () => {
    expect(renderMarkdown("Chery sold 12 000 cars — a record!").wordCount).toBe(7);
  });

  it("lists links and images with their places", () => {
    expect(
      renderMarkdown("See [TASS](https://tass.com).\n\n![Tiggo 4 Pro](tiggo.jpg)").links,
    ).toEqual([
      { url: "https://tass.com", place: { line: 1, column: 5 }, isImage: false },
      { url: "tiggo.jpg", place: { line: 3, column: 1 }, isImage: true, alt: "Tiggo 4 Pro" },
    ]);
  });
});
