import { describe, expect, it } from "vitest";
import { articleFile, checkArticle } from "../support/articles.ts";
import { articleText } from "../support/content-folder.ts";

const FILE = "content/articles/chery-localization-russia.md";

/** Front-matter lines start on file line 2: `title` 2, `date` 3, `company` 4; the body from 7. */
function validate(extra: readonly string[], body?: string) {
  return checkArticle(
    articleFile(
      "chery-localization-russia",
      articleText(
        [
          "title: Chery makes localizing car assembly in Russia a top priority",
          "date: 2022-06-01",
          "company: Chery",
          ...extra,
        ],
        body,
      ),
    ),
  );
}

describe("a rendered article", () => {
  it("summarizes itself from the first paragraph when no summary is given", () => {
    const { article } = validate(
      [],
      "The Chinese company Chery is pushing ahead with localizing assembly.\n\nMore later.",
    );
    expect(article?.summary).toBe(
      "The Chinese company Chery is pushing ahead with localizing assembly.",
    );
  });
});

describe("raw HTML in the body", () => {
  it("warns at the file line and column, counting the front-matter lines", () => {
    const { diagnostics } = validate(
      [],
      'Chery is in talks.\n\nThe plant <iframe src="https://evil.example"></iframe> is in Tula.',
    );
    expect(diagnostics).toEqual([
      {
        file: FILE,
        line: 9,
        column: 11,
        severity: "warning",
        ruleId: "raw-html",
        message: "raw HTML is not published",
        fix: "write it in Markdown: **bold**, _italic_, [link](https://…)",
      },
      {
        file: FILE,
        line: 9,
        column: 46,
        severity: "warning",
        ruleId: "raw-html",
        message: "raw HTML is not published",
        fix: "write it in Markdown: **bold**, _italic_, [link](https://…)",
      },
    ]);
  });

  it("still accepts the article, since a warning does not stop it", () => {
    expect(validate([], "<b>Chery</b> is in talks.").article?.title).toBe(
      "Chery makes localizing car assembly in Russia a top priority",
    );
  });
});

describe("bodies past the Markdown limits", () => {
  const intro = "Chery is in talks with UAZ about assembling the Tiggo 4 Pro in Ulyanovsk.\n\n";

  it.each([
    ["nested block quotes", `${">".repeat(5000)} TASS`, "body-too-deep", 33],
    ["bullets on one line", `${"- ".repeat(5000)}Haval`, "body-too-deep", 65],
    ["nested emphasis", `${"*Geely ".repeat(3000)}${"*".repeat(3000)}`, "body-too-complex", 7001],
  ])("refuses %s with one error at the file's line and column", (_kind, body, ruleId, column) => {
    const { article, diagnostics } = validate([], intro + body);
    expect(article).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: FILE, line: 9, column, severity: "error", ruleId }),
    ]);
  });
});
