import { expect, it } from "vitest";
import { ContentError } from "../../src/diagnostics/content-error.ts";

it("carries the editors' report as its message", () => {
  const error = new ContentError([
    {
      file: "content/articles/chery-localization-russia.md",
      line: 3,
      column: 7,
      severity: "error",
      ruleId: "invalid-field",
      message: 'date "2022-02-30" is not a real calendar date',
    },
  ]);
  expect([error.name, error.message]).toEqual([
    "ContentError",
    'The content has errors; nothing was published.\ncontent/articles/chery-localization-russia.md:3:7  error  date "2022-02-30" is not a real calendar date  (invalid-field)\n1 error, 0 warnings',
  ]);
});
