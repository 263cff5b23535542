import { describe, expect, it } from "vitest";
import { buildSummary } from "../../src/cli/build-summary.ts";

const result = (pageCount: number, reusedCount: number) => ({
  ok: true,
  diagnostics: [],
  pageCount,
  reusedCount,
});

describe("buildSummary", () => {
  it.each([
    [result(42, 0), "Built 42 pages into _site/ in 1.4 s."],
    [result(5, 37), "Built 5 pages (and kept 37 unchanged) into _site/ in 1.4 s."],
    [result(0, 42), "Nothing had changed: kept all 42 pages of _site/ in 1.4 s."],
  ])("tells what the build did: %o → %s", (built, line) => {
    expect(buildSummary(built, "_site", "1.4")).toBe(line);
  });
});
