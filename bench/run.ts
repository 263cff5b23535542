import { readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CORPUS_VARIANTS, type CorpusVariant } from "./corpus/entities.ts";
import { articleToEdit, withEditedArticle } from "./edit-article.ts";
import { runMeasured } from "./measure/run-measured.ts";
import { outputSize } from "./output-size.ts";
import { prepareCorpus } from "./prepare-corpus.ts";
import { formatLinearity, formatSizeTable, type SizeSamples, type ToolSamples } from "./report.ts";
import {
  CORPUS_ROOT,
  checkCommand,
  corpusPaths,
  eleventyAnchor,
  hugoAnchor,
  newsDigest,
  type Tool,
  versionOf,
} from "./tools.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    corpus: { type: "string", default: CORPUS_VARIANTS.join(",") },
    runs: { type: "string", default: "3" },
    // At 100,000 articles plain Eleventy aborts on its heap: `--anchors hugo` leaves it out.
    anchors: { type: "string", default: "eleventy,hugo" },
    "no-anchors": { type: "boolean", default: false },
  },
});
const ANCHOR_NAMES = ["eleventy", "hugo"];
const anchors = values["no-anchors"] ? [] : values.anchors.split(",").filter(Boolean);
const sizes = values.sizes.split(",").map((size) => Number.parseInt(size, 10));
const runs = Number.parseInt(values.runs, 10);
const variants = values.corpus.split(",") as CorpusVariant[];
if (
  sizes.some((size) => !(size > 0)) ||
  !(runs > 0) ||
  variants.some((variant) => !CORPUS_VARIANTS.includes(variant)) ||
  anchors.some((anchor) => !ANCHOR_NAMES.includes(anchor))
) {
  throw new Error(
    `usage: npm run bench -- [--sizes 1000,10000] [--corpus ${CORPUS_VARIANTS.join(",")}] [--runs 3] [--anchors eleventy,hugo | --no-anchors]`,
  );
}

const hugoVersion = versionOf("hugo", ["version"]);
const tools: Tool[] = [newsDigest];
if (anchors.includes("eleventy")) tools.push(eleventyAnchor);
if (anchors.includes("hugo")) {
  if (hugoVersion) tools.push(hugoAnchor);
  else console.error("hugo is not installed (apt-get install -y hugo): no Hugo anchor.");
}
const withHugo = tools.includes(hugoAnchor);

const log = (message: string) => console.error(`[bench] ${message}`);

/** The version folders a news-digest output links to and keeps beside it (`out/x.v-…`). */
async function removeVersionsOf(output: string): Promise<void> {
  const names = await readdir(path.dirname(output)).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.startsWith(`${path.basename(output)}.`))) {
    await rm(path.join(path.dirname(output), name), { recursive: true, force: true });
  }
}

const results: SizeSamples[] = variants.flatMap((variant) =>
  sizes.map((articles) => ({
    articles,
    variant,
    tools: tools.map(
      (tool): ToolSamples => ({
        tool: tool.name,
        articles,
        cold: [],
        warm: [],
        warmAgain: [],
        unchanged: [],
        peakRss: [],
      }),
    ),
    check: [],
    checkPeakRss: [],
  })),
);
const pathsOf = (samples: SizeSamples) =>
  corpusPaths(samples.articles, samples.variant as CorpusVariant);

for (const samples of results) {
  log(`preparing the ${samples.variant} corpus of ${samples.articles} articles`);
  await prepareCorpus(pathsOf(samples), withHugo);
}

// Runs are interleaved (each run goes through every size and tool, starting with a different
// tool each time) so that a slow spell of the shared machine does not land on one tool only.
for (let run = 0; run < runs; run++) {
  for (const sizeResult of results) {
    const paths = pathsOf(sizeResult);
    const label = `run ${run + 1}/${runs}, ${sizeResult.articles} articles (${sizeResult.variant})`;
    const edited = await articleToEdit(paths.content);
    const order = tools.map((_, i) => tools[(i + run) % tools.length] as Tool);
    for (const tool of order) {
      const samples = sizeResult.tools.find((t) => t.tool === tool.name) as ToolSamples;
      const output = paths.output(tool.name);
      // Cold: no output, no cache (its versions beside it too).
      for (const folder of [output, tool.cacheOf?.(paths)]) {
        if (folder) await rm(folder, { recursive: true, force: true });
      }
      await removeVersionsOf(output);
      await mkdir(path.dirname(output), { recursive: true });
      log(`${label}: ${tool.name} cold`);
      const cold = await runMeasured(tool.build(paths));
      samples.cold.push(cold.seconds);
      samples.peakRss.push(cold.peakRssBytes);
      samples.output ??= await outputSize(output);
      log(`${label}: ${tool.name} unchanged`);
      const unchanged = await runMeasured(tool.build(paths));
      samples.unchanged.push(unchanged.seconds);
      samples.peakRss.push(unchanged.peakRssBytes);
      log(`${label}: ${tool.name} warm`);
      const warm = await withEditedArticle(path.join(tool.contentOf(paths), edited), () =>
        runMeasured(tool.build(paths)),
      );
      samples.warm.push(warm.seconds);
      samples.peakRss.push(warm.peakRssBytes);
      log(`${label}: ${tool.name} warm again (the edit undone)`);
      const warmAgain = await runMeasured(tool.build(paths));
      samples.warmAgain.push(warmAgain.seconds);
      samples.peakRss.push(warmAgain.peakRssBytes);
    }
    log(`${label}: npm run check`);
    const check = await runMeasured(checkCommand(paths));
    sizeResult.check.push(check.seconds);
    sizeResult.checkPeakRss.push(check.peakRssBytes);
  }
}

const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.arch();
const machine = [
  `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
  `Node ${process.version}`,
  `Eleventy ${versionOf("node_modules/.bin/eleventy", ["--version"]) ?? "?"}`,
  hugoVersion ?? "no Hugo",
  `${runs} run(s) per figure: median (min–max); peak RSS over cold and warm builds`,
].join("; ");
const report = [
  machine,
  "",
  ...results.flatMap((r) => [formatSizeTable(r), ""]),
  formatLinearity(results),
].join("\n");
console.log(report);
await writeFile(path.join(CORPUS_ROOT, "results.md"), `${report}\n`);
await writeFile(
  path.join(CORPUS_ROOT, "results.json"),
  `${JSON.stringify({ machine, results }, null, 2)}\n`,
);
log(`written to ${path.relative(process.cwd(), CORPUS_ROOT)}/results.{md,json}`);
