import type { OutputSize } from "./output-size.ts";
import {
  formatMiB,
  formatRatio,
  formatSeconds,
  formatSummary,
  perArticleMs,
  ratio,
  type Summary,
  summarize,
} from "./stats.ts";

/** Every figure of one tool at one size, as raw values per run. */
export interface ToolSamples {
  tool: string;
  articles: number;
  cold: number[];
  warm: number[];
  /**
   * The next build, with the edit undone: the steady state of a site built after every
   * change, where the warm build is the first since a cold one.
   */
  warmAgain: number[];
  /** A build right after a build, nothing changed in between. */
  unchanged: number[];
  peakRss: number[];
  output?: OutputSize;
}

export interface SizeSamples {
  articles: number;
  /** The corpus measured: `standard` or `large-registry`. */
  variant: string;
  tools: ToolSamples[];
  check: number[];
  checkPeakRss: number[];
}

const ANCHORS = ["eleventy", "hugo"] as const;

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function summaryOf(
  samples: SizeSamples,
  tool: string,
  key: "cold" | "warm" | "warmAgain" | "unchanged",
) {
  const found = samples.tools.find((t) => t.tool === tool);
  return found && found[key].length > 0 ? summarize(found[key]) : undefined;
}

/** One Markdown table per size, with ratios to the anchors and time per article. */
export function formatSizeTable(samples: SizeSamples): string {
  const lines = [
    `### ${samples.articles.toLocaleString("en")} articles, ${samples.variant} corpus`,
    "",
    row([
      "tool",
      "cold build",
      "warm build (1 edit)",
      "warm again (edit undone)",
      "unchanged rebuild",
      "peak RSS (tree)",
      "files",
      "output",
      "ms/article (cold)",
      "cold vs eleventy",
      "cold vs hugo",
      "warm vs hugo cold",
      "warm again vs hugo cold",
      "unchanged vs hugo cold",
    ]),
    row(Array.from({ length: 14 }, () => "---")),
  ];
  const hugoCold = summaryOf(samples, "hugo", "cold");
  for (const tool of samples.tools) {
    if (tool.cold.length === 0) continue;
    const cold = summarize(tool.cold);
    const warm = summarize(tool.warm);
    const warmAgain = tool.warmAgain.length > 0 ? summarize(tool.warmAgain) : undefined;
    const unchanged = tool.unchanged.length > 0 ? summarize(tool.unchanged) : undefined;
    const anchorRatios = ANCHORS.map((anchor) =>
      anchor === tool.tool ? "–" : formatRatio(ratio(cold, summaryOf(samples, anchor, "cold"))),
    );
    lines.push(
      row([
        tool.tool,
        formatSummary(cold, formatSeconds),
        formatSummary(warm, formatSeconds),
        warmAgain ? formatSummary(warmAgain, formatSeconds) : "–",
        unchanged ? formatSummary(unchanged, formatSeconds) : "–",
        formatSummary(summarize(tool.peakRss), formatMiB),
        tool.output ? String(tool.output.files) : "–",
        tool.output ? formatMiB(tool.output.bytes) : "–",
        perArticleMs(cold, samples.articles).toFixed(2),
        ...anchorRatios,
        tool.tool === "hugo" ? "–" : formatRatio(ratio(warm, hugoCold)),
        tool.tool === "hugo" || !warmAgain ? "–" : formatRatio(ratio(warmAgain, hugoCold)),
        tool.tool === "hugo" || !unchanged ? "–" : formatRatio(ratio(unchanged, hugoCold)),
      ]),
    );
  }
  if (samples.check.length > 0) {
    const check: Summary = summarize(samples.check);
    lines.push(
      "",
      `\`npm run check\`: ${formatSummary(check, formatSeconds)}, peak RSS ${formatSummary(summarize(samples.checkPeakRss), formatMiB)}, ${perArticleMs(check, samples.articles).toFixed(2)} ms/article`,
    );
  }
  return lines.join("\n");
}

/** Time per article across sizes: a build that scales linearly keeps it flat. */
export function formatLinearity(sizes: readonly SizeSamples[]): string {
  const tools = [...new Set(sizes.flatMap((s) => s.tools.map((t) => t.tool)))];
  const lines = [
    "### Time per article (cold build, median)",
    "",
    row(["tool", ...sizes.map((s) => `${s.articles.toLocaleString("en")} (${s.variant})`)]),
    row(["---", ...sizes.map(() => "---")]),
  ];
  for (const tool of tools) {
    const cells = sizes.map((s) => {
      const cold = summaryOf(s, tool, "cold");
      return cold ? `${perArticleMs(cold, s.articles).toFixed(2)} ms` : "–";
    });
    lines.push(row([tool, ...cells]));
  }
  const checkCells = sizes.map((s) =>
    s.check.length > 0 ? `${perArticleMs(summarize(s.check), s.articles).toFixed(2)} ms` : "–",
  );
  lines.push(row(["npm run check", ...checkCells]));
  return lines.join("\n");
}
