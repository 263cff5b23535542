import { afterEach, describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/parse-front-matter.ts";

const FILE = "content/articles/chery-localization-russia.md";
const YAML_FIX =
  "check the indentation and quoting on this line; put text containing `: ` or ` #` in quotes";

function parsed(text: string) {
  const result = parseFrontMatter(text, FILE);
  if (!result.ok)
    throw new Error(`expected valid front-matter, got ${result.diagnostics[0]?.ruleId}`);
  return result.frontMatter;
}

function problems(text: string) {
  const result = parseFrontMatter(text, FILE);
  if (result.ok) throw new Error("expected the front-matter to be refused");
  return result.diagnostics;
}

describe("fences", () => {
  it("splits the YAML fields from the Markdown body", () => {
    const frontMatter = parsed(
      "---\ntitle: Chery makes localizing a priority\ncompany: Chery\n---\n\nChery is in talks.\n",
    );
    expect([frontMatter.data, frontMatter.body]).toEqual([
      { title: "Chery makes localizing a priority", company: "Chery" },
      "\nChery is in talks.\n",
    ]);
  });

  it("counts the body from the line after the closing fence", () => {
    expect(parsed("---\ntitle: Chery\ncompany: Chery\n---\n\nBody\n").bodyStartLine).toBe(5);
  });

  it("accepts a byte-order mark and CRLF line endings", () => {
    const frontMatter = parsed("\uFEFF---\r\ntitle: Chery\r\n---\r\n\r\nChery is in talks.\r\n");
    expect([frontMatter.data, frontMatter.body, frontMatter.bodyStartLine]).toEqual([
      { title: "Chery" },
      "\nChery is in talks.\n",
      4,
    ]);
  });

  it("reads an empty front-matter block as no fields instead of failing", () => {
    expect(parsed("---\n---\nChery is in talks.\n").data).toBeNull();
  });

  it("reads a front-matter block holding only a comment as no fields", () => {
    expect(parsed("---\n# fields to follow\n---\nChery is in talks.\n").data).toBeNull();
  });

  it("refuses an empty file", () => {
    expect(problems("  \n\n")).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "empty-file",
        message: "the file is empty",
        fix: "start it with front-matter between two `---` lines, then the article text",
      },
    ]);
  });

  it("refuses a file whose first line is not the fence", () => {
    expect(problems("\n---\ntitle: Chery\n---\nBody\n")).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "missing-front-matter",
        message: "the file has no front-matter",
        fix: "start it with a `---` line, the fields (title, date, company), and another `---` line",
      },
    ]);
  });

  it("refuses front-matter that is never closed", () => {
    expect(problems("---\ntitle: Chery\ncompany: Chery\n\nChery is in talks.\n")).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "unclosed-front-matter",
        message: "the front-matter is never closed",
        fix: "add a line with exactly `---` after the last field, before the article text",
      },
    ]);
  });

  it("refuses a line starting with --- inside the front-matter, which would end it early", () => {
    const text = "---\ntitle: Chery\n--- end of tags\ncompany: Chery\n---\n\nChery is in talks.\n";
    expect(problems(text)).toEqual([
      {
        file: FILE,
        line: 3,
        column: 1,
        severity: "error",
        ruleId: "malformed-fence",
        message: "this line starts with `---`, which ends the front-matter, but has more on it",
        fix: "make the line exactly `---`, or start it differently if it belongs to a field",
      },
    ]);
  });
});

describe("front-matter languages other than YAML", () => {
  const global = globalThis as { pwned?: unknown };
  afterEach(() => {
    delete global.pwned;
  });

  it("refuses `---js` front-matter as a front-matter-language error", () => {
    expect(problems('---js\n{ title: (globalThis.pwned = 1, "x") }\n---\nBody\n')).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "front-matter-language",
        message: 'front-matter must be YAML, but this file starts with "---js"',
        fix: "make the first line exactly `---` and write the fields in YAML; other languages are never run",
      },
    ]);
  });

  it("never runs the code in `---js` front-matter", () => {
    parseFrontMatter('---js\n{ title: (globalThis.pwned = 1, "x") }\n---\nBody\n', FILE);
    expect(global.pwned).toBeUndefined();
  });

  it("never runs the code in `---javascript` front-matter", () => {
    parseFrontMatter('---javascript\n{ title: (globalThis.pwned = 1, "x") }\n---\n', FILE);
    expect(global.pwned).toBeUndefined();
  });
});

describe("YAML problems", () => {
  it("reports a YAML syntax error at its line in the file", () => {
    expect(problems("---\ntitle: Chery\ndate: 2022-06-01\ncompany: [Chery\n---\nBody\n")).toEqual([
      {
        file: FILE,
        line: 4,
        column: 16,
        severity: "error",
        ruleId: "yaml-syntax",
        message:
          "this is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        fix: YAML_FIX,
      },
    ]);
  });

  it("reports a key written twice at the second one", () => {
    expect(
      problems("---\ntitle: Chery makes localizing a priority\ntitle: Chery in Russia\n---\n"),
    ).toEqual([
      {
        file: FILE,
        line: 3,
        column: 1,
        severity: "error",
        ruleId: "yaml-syntax",
        message: "this is not valid YAML: Map keys must be unique",
        fix: YAML_FIX,
      },
    ]);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = [
      "---",
      "a: &a [TASS, TASS, TASS, TASS, TASS, TASS, TASS, TASS, TASS, TASS]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "---",
      "",
    ].join("\n");
    expect(problems(bomb)).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "yaml-alias-limit",
        message: "the YAML repeats aliases (`*name`) too many times",
        fix: "write the values out instead of using `&anchors` and `*aliases`",
      },
    ]);
  });

  it("keeps a date as the text written, so an impossible day is not moved to March", () => {
    expect(parsed("---\ndate: 2022-02-30\n---\n").data).toEqual({ date: "2022-02-30" });
  });
});
