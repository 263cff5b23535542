/** A measure over several runs: the median is the figure, min–max shows the noise. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("no values to summarize");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    runs: sorted.length,
  };
}

/** How many times the anchor's median the measured median is; undefined without an anchor. */
export function ratio(measured: Summary, anchor: Summary | undefined): number | undefined {
  if (!anchor || anchor.median === 0) return undefined;
  return measured.median / anchor.median;
}

/** Milliseconds per article: equal across sizes when a build scales linearly. */
export function perArticleMs(seconds: Summary, articles: number): number {
  return (seconds.median * 1000) / articles;
}

/** `12.3 s (11.9–13.0)`, with the unit's own formatting. */
export function formatSummary(summary: Summary, format: (value: number) => string): string {
  if (summary.runs === 1) return format(summary.median);
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

export const formatSeconds = (seconds: number): string =>
  seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;

export const formatMiB = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;

export const formatRatio = (value: number | undefined): string =>
  value === undefined ? "–" : `${value.toFixed(2)}×`;
