import { describe, expect, it } from "vitest";
import {
  formatMiB,
  formatRatio,
  formatSeconds,
  formatSummary,
  perArticleMs,
  ratio,
  summarize,
} from "../../bench/stats.ts";

describe("summaries of runs", () => {
  it("take the middle value of an odd count, with min and max", () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
  });

  it("take the mean of the two middle values of an even count", () => {
    expect(summarize([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10, runs: 4 });
  });

  it("refuse an empty list", () => {
    expect(() => summarize([])).toThrow(/no values/);
  });

  it("print the median with the range, or the value alone for one run", () => {
    expect(formatSummary(summarize([1.5, 1.25, 2]), formatSeconds)).toBe("1.50 s (1.25 s–2.00 s)");
    expect(formatSummary(summarize([42.25]), formatSeconds)).toBe("42.3 s");
    expect(formatMiB(1.5 * 1024 ** 3)).toBe("1536 MiB");
  });
});

describe("ratios and time per article", () => {
  it("divide medians, and have no value without an anchor", () => {
    expect(ratio(summarize([6, 8, 7]), summarize([2, 3, 4]))).toBeCloseTo(7 / 3);
    expect(ratio(summarize([6]), undefined)).toBeUndefined();
    expect(formatRatio(2.5)).toBe("2.50×");
    expect(formatRatio(undefined)).toBe("–");
  });

  it("stay flat for a linear build", () => {
    expect(perArticleMs(summarize([2]), 1000)).toBe(2);
    expect(perArticleMs(summarize([20]), 10_000)).toBe(2);
  });
});
