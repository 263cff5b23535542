import { describe, expect, it } from "vitest";
import { formatLinearity, formatSizeTable, type SizeSamples } from "../../bench/report.ts";

const samples = (articles: number, scale: number): SizeSamples => ({
  articles,
  variant: "large-registry",
  tools: [
    {
      tool: "news-digest",
      articles,
      cold: [30, 20, 25].map((s) => s * scale),
      warm: [10],
      warmAgain: [6, 7],
      unchanged: [2, 3, 4],
      peakRss: [2 ** 30],
    },
    {
      tool: "eleventy",
      articles,
      cold: [10].map((s) => s * scale),
      warm: [9],
      warmAgain: [9],
      unchanged: [9],
      peakRss: [2 ** 28],
    },
    {
      tool: "hugo",
      articles,
      cold: [5].map((s) => s * scale),
      warm: [4],
      warmAgain: [4],
      unchanged: [4],
      peakRss: [2 ** 26],
    },
  ],
  check: [2, 3, 4],
  checkPeakRss: [2 ** 27],
});

describe("the results table", () => {
  it("gives each tool's cold build as a ratio of the anchors' medians", () => {
    const table = formatSizeTable(samples(1000, 1));
    const newsDigest = table.split("\n").find((line) => line.startsWith("| news-digest"));
    expect(newsDigest).toBe(
      "| news-digest | 25.0 s (20.0 s–30.0 s) | 10.0 s | 6.50 s (6.00 s–7.00 s) | 3.00 s (2.00 s–4.00 s) | 1024 MiB | – | – | 25.00 | 2.50× | 5.00× | 2.00× | 1.30× | 0.60× |",
    );
    expect(table).toContain("`npm run check`: 3.00 s (2.00 s–4.00 s)");
  });

  it("shows time per article across sizes", () => {
    const table = formatLinearity([samples(1000, 1), samples(10_000, 10)]);
    expect(table).toContain("| news-digest | 25.00 ms | 25.00 ms |");
  });

  it("names the corpus of each table and column", () => {
    expect(formatSizeTable(samples(1000, 1))).toContain(
      "### 1,000 articles, large-registry corpus",
    );
    expect(formatLinearity([samples(1000, 1)])).toContain("| tool | 1,000 (large-registry) |");
  });
});
