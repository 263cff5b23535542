import { describe, expect, it } from "vitest";
import type { Article } from "../../src/markdown/article.ts";
import { isBodyEdit } from "../../src/site/edited-body.ts";

const before = {
  file: "content/articles/chery-localization-russia.md",
  title: "Chery makes localizing car assembly in Russia a top priority",
  companies: [{ name: "Chery", written: "Chery", slug: "chery" }],
  summary: "Chery is pushing ahead with localizing car assembly in Russia.",
  body: { html: "<p>Chery is pushing ahead with localizing car assembly in Russia.</p>" },
} as unknown as Article;

describe("isBodyEdit", () => {
  it("takes a new text, and the new summary it gives, for an edit of the text", () => {
    const after = {
      ...before,
      summary: "Chery confirmed the talks on Friday.",
      body: { html: "<p>Chery confirmed the talks on Friday.</p>" },
    } as Article;
    expect(isBodyEdit(before, after)).toBe(true);
  });

  it("does not take an edit of the front-matter for one of the text", () => {
    expect(isBodyEdit(before, { ...before, title: "Chery puts localization first" })).toBe(false);
  });

  it("does not take a name written another way for an edit of the text", () => {
    const companies = [{ name: "Chery", written: "CHERY", slug: "chery" }];
    expect(isBodyEdit(before, { ...before, companies } as unknown as Article)).toBe(false);
  });
});
