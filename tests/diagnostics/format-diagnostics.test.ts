import { describe, expect, it } from "vitest";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import {
  formatDiagnostic,
  formatGithubAnnotation,
  formatReport,
  summarizeDiagnostics,
} from "../../src/diagnostics/format-diagnostics.ts";

const unknownCompany: Diagnostic = {
  file: "content/articles/chery-localization-russia.md",
  line: 4,
  column: 10,
  severity: "error",
  ruleId: "unknown-company",
  message: 'unknown company "Cherry" — did you mean "Chery"?',
  fix: 'write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company',
};

const rawHtml: Diagnostic = {
  file: "content/articles/chery-localization-russia.md",
  line: 9,
  column: 1,
  severity: "warning",
  ruleId: "raw-html",
  message: "raw HTML is not published",
};

const earlierFile: Diagnostic = {
  file: "content/articles/avtovaz-lada-vesta.md",
  line: 12,
  column: 3,
  severity: "error",
  ruleId: "yaml-syntax",
  message: "this is not valid YAML: Map keys must be unique",
};

describe("one problem", () => {
  it("prints place, severity, message, fix and rule", () => {
    expect(formatDiagnostic(unknownCompany)).toBe(
      'content/articles/chery-localization-russia.md:4:10  error  unknown company "Cherry" — did you mean "Chery"? — write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company  (unknown-company)',
    );
  });

  it("leaves the dash out when there is no fix", () => {
    expect(formatDiagnostic(rawHtml)).toBe(
      "content/articles/chery-localization-russia.md:9:1  warning  raw HTML is not published  (raw-html)",
    );
  });
});

describe("counts", () => {
  it("says no problems for none", () => {
    expect(summarizeDiagnostics([])).toBe("no problems");
  });

  it("counts errors and warnings with plurals", () => {
    expect(summarizeDiagnostics([unknownCompany, earlierFile, rawHtml])).toBe(
      "2 errors, 1 warning",
    );
  });
});

it("prints the report in file and line order, then the count", () => {
  expect(formatReport([rawHtml, unknownCompany, earlierFile]).split("\n")).toEqual([
    formatDiagnostic(earlierFile),
    formatDiagnostic(unknownCompany),
    formatDiagnostic(rawHtml),
    "2 errors, 1 warning",
  ]);
});

describe("GitHub annotations", () => {
  it("writes a workflow command with file, line, column and rule", () => {
    expect(formatGithubAnnotation(rawHtml)).toBe(
      "::warning file=content/articles/chery-localization-russia.md,line=9,col=1,title=raw-html::raw HTML is not published",
    );
  });

  it("escapes line breaks and percent signs in the message", () => {
    expect(formatGithubAnnotation({ ...rawHtml, message: "Chery's share grew 50%\nin May" })).toBe(
      "::warning file=content/articles/chery-localization-russia.md,line=9,col=1,title=raw-html::Chery's share grew 50%25%0Ain May",
    );
  });

  it("escapes commas and colons in the file name", () => {
    expect(formatGithubAnnotation({ ...rawHtml, file: "content/articles/a,b:c.md" })).toContain(
      "file=content/articles/a%2Cb%3Ac.md,",
    );
  });
});

describe("diagnostic lists", () => {
  it("has errors when one diagnostic is an error", () => {
    expect(hasErrors([rawHtml, unknownCompany])).toBe(true);
  });

  it("has no errors when every diagnostic is a warning", () => {
    expect(hasErrors([rawHtml])).toBe(false);
  });

  it("sorts by file, line, column, then rule", () => {
    const sameSpot = { ...unknownCompany, ruleId: "duplicate-term" };
    expect(
      sortDiagnostics([rawHtml, unknownCompany, sameSpot, earlierFile]).map((d) => d.ruleId),
    ).toEqual(["yaml-syntax", "duplicate-term", "unknown-company", "raw-html"]);
  });
});
