/**
 * How long the dev server (`npm start`) takes to show an edited article (issue 12: ≤ 1 s at
 * 10,000 articles). `npm run bench:serve -- --sizes 1000,10000 --edits 3 --timeout 300`, and
 * `--edit headline` to give the article a new headline instead of adding a sentence to its text.
 *
 * For each size: starts `src/cli/serve.ts` on a copy of the prepared corpus (in the system's
 * temporary folder: Eleventy's watcher skips what .gitignore lists), with its output, render
 * cache and log in `bench/.corpus/<size>/serve/`; waits until it serves the edited article,
 * then `--edits` times puts a unique sentence at the end of that article and polls its page
 * over HTTP until the sentence shows. The server's log lines, stamped as they arrive, tell
 * when the watcher saw the edit, when the preview wrote the edited page ahead of the rebuild,
 * when Eleventy's rebuild wrote it and when the rebuild ended.
 * The table goes to stdout and `bench/.corpus/serve-latency.{md,json}`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { appendFile, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import { articleUrl } from "../src/urls.ts";
import { articleToEdit } from "./edit-article.ts";
import { sampleTreeRss } from "./measure/tree-rss.ts";
import { prepareCorpus } from "./prepare-corpus.ts";
import { formatMiB, formatSeconds, formatSummary, type Summary, summarize } from "./stats.ts";
import { CORPUS_ROOT, corpusPaths, PROJECT_ROOT, versionOf } from "./tools.ts";

// ---------------------------------------------------------------------------------------------
// Pure parts, unit-tested in tests/bench/serve-latency.test.ts

/**
 * The sentence edit `edit` of a run adds: letters, digits and spaces only, so Markdown and
 * HTML escaping leave it as it is and the page shows it verbatim.
 */
export function probeSentence(runTag: string, edit: number): string {
  if (!/^[a-z0-9]+$/.test(runTag)) throw new Error(`run tag ${runTag}: letters and digits only`);
  return `Serve latency probe ${runTag} number ${edit} was added here.`;
}

/** The article's text with the probe as a paragraph of its own at the end. */
export function withProbe(original: string, sentence: string): string {
  return `${original.replace(/\n*$/, "")}\n\n${sentence}\n`;
}

/**
 * The article's text with the probe as its headline: an edit of the front-matter that only
 * the article's own page reads (the preview writes that page ahead of the rebuild, too).
 */
export function withHeadlineProbe(original: string, sentence: string): string {
  if (!/^title:.*$/m.test(original)) throw new Error("the article to edit has no title: line");
  return original.replace(/^title:.*$/m, `title: ${sentence}`);
}

/** The edits the measure can make: a sentence added to the text, or a new headline. */
export const EDITS = { text: withProbe, headline: withHeadlineProbe } as const;
export type EditKind = keyof typeof EDITS;

/** Whether a page's HTML shows the probe. */
export function pageShows(html: string, sentence: string): boolean {
  return html.includes(sentence);
}

/** The URL path of an article's page: its `slug:` when given, else its file name. */
export function articlePagePath(file: string, text: string): string {
  const slug: unknown = matter(text).data.slug;
  return articleUrl(typeof slug === "string" && slug !== "" ? slug : path.basename(file, ".md"));
}

/** What one line of the server's output says, for the lines the measure needs. */
export type ServerLine =
  | { kind: "changed"; file: string }
  | { kind: "ahead"; url: string }
  | { kind: "writing"; output: string }
  | { kind: "wrote"; files: number; seconds: number }
  | { kind: "server"; url: string }
  | { kind: "other" };

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;

export function parseServerLine(line: string): ServerLine {
  const text = line.replace(ANSI, "").trim();
  let match = /^\[11ty\] File (?:changed|added): (.+)$/.exec(text);
  if (match) return { kind: "changed", file: match[1] as string };
  match = /^\[preview\] Wrote (\S+) ahead of the rebuild/.exec(text);
  if (match) return { kind: "ahead", url: match[1] as string };
  match = /^\[11ty\] Writing (\S+) from /.exec(text);
  if (match) return { kind: "writing", output: match[1] as string };
  match = /Wrote (\d+) files? (?:\(skipped \d+\) )?in ([\d.]+) seconds?/.exec(text);
  if (match) return { kind: "wrote", files: Number(match[1]), seconds: Number(match[2]) };
  match = /^\[11ty\] Server at (http:\/\/\S+)/.exec(text);
  if (match) return { kind: "server", url: (match[1] as string).replace(/\/$/, "") };
  return { kind: "other" };
}

/** One edit: seconds from the write of the file, undefined when it did not happen in time. */
export interface EditSample {
  /** The page showed the probe. */
  shown?: number;
  /** Eleventy's watcher reported the file changed. */
  noticed?: number;
  /** The preview wrote the article's page ahead of the rebuild. */
  pageAhead?: number;
  /** Eleventy started writing the article's page. */
  pageWritten?: number;
  /** Eleventy's rebuild ended ("Wrote N files"). */
  rebuilt?: number;
  /** The rebuild's own figure, as Eleventy printed it. */
  eleventySeconds?: number;
  /** Files the rebuild wrote. */
  files?: number;
}

export interface SizeResult {
  articles: number;
  /** Seconds from spawning the server to its serving the article. */
  ready: number;
  edits: EditSample[];
  peakRssBytes: number;
  timeoutSeconds: number;
}

function summaryOf(edits: readonly EditSample[], key: keyof EditSample): Summary | undefined {
  const values = edits.flatMap((edit) => (edit[key] === undefined ? [] : [edit[key]]));
  return values.length > 0 ? summarize(values) : undefined;
}

const cell = (summary: Summary | undefined): string =>
  summary ? formatSummary(summary, formatSeconds) : "–";

/** One Markdown table, a row per size: median (min–max) over the edits of each column. */
export function formatServeTable(results: readonly SizeResult[]): string {
  const lines = [
    "| articles | edits | edit → page shows it | timeouts | watcher noticed | page written ahead | page written by the rebuild | rebuild ended | Eleventy's figure | files | server ready | peak RSS (tree) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const result of results) {
    const timeouts = result.edits.filter((edit) => edit.shown === undefined).length;
    const files = summaryOf(result.edits, "files");
    lines.push(
      `| ${[
        result.articles.toLocaleString("en"),
        String(result.edits.length),
        cell(summaryOf(result.edits, "shown")),
        timeouts === 0 ? "0" : `${timeouts} (> ${result.timeoutSeconds} s)`,
        cell(summaryOf(result.edits, "noticed")),
        cell(summaryOf(result.edits, "pageAhead")),
        cell(summaryOf(result.edits, "pageWritten")),
        cell(summaryOf(result.edits, "rebuilt")),
        cell(summaryOf(result.edits, "eleventySeconds")),
        files ? String(files.median) : "–",
        formatSeconds(result.ready),
        formatMiB(result.peakRssBytes),
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The measure

const log = (message: string) => console.error(`[bench:serve] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const POLL_MS = 50;
const SETTLE_MS = 3000;
/** An edit the watcher has not reported within this long is written again (see below). */
const NOTICE_MS = 10_000;
const WRITES_PER_EDIT = 5;

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** The page's HTML, or undefined while the server does not answer it with 200. */
async function fetchPage(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    return response.ok ? text : undefined;
  } catch {
    return undefined;
  }
}

interface StampedLine {
  at: number;
  line: ServerLine;
}

/** The dev server as one process group, with its log lines stamped as they arrive. */
class DevServer {
  readonly lines: StampedLine[] = [];
  readonly started = performance.now();
  private readonly closed: Promise<void>;
  private readonly stopSampling: () => number;
  /** The log file's appends, in order. */
  private logged: Promise<void> = Promise.resolve();

  constructor(
    private readonly child: ChildProcess,
    logFile: string,
  ) {
    this.closed = new Promise((resolve) => child.once("close", () => resolve()));
    this.stopSampling = child.pid === undefined ? () => 0 : sampleTreeRss(child.pid, 500);
    let pending = "";
    const flush = () => {
      const text = pending;
      pending = "";
      if (text) this.logged = this.logged.then(() => appendFile(logFile, text));
    };
    const timer = setInterval(flush, 1000);
    this.closed.then(() => {
      clearInterval(timer);
      flush();
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
        const at = performance.now();
        pending += `${((at - this.started) / 1000).toFixed(3)} ${line}\n`;
        const parsed = parseServerLine(line);
        if (parsed.kind !== "other") this.lines.push({ at, line: parsed });
      });
    }
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The URL the server says it serves, once it said so. */
  get url(): string | undefined {
    const found = this.lines.find((entry) => entry.line.kind === "server");
    return found?.line.kind === "server" ? found.line.url : undefined;
  }

  /** Stops the whole process group: tsx's parent, node and anything they started. */
  async stop(): Promise<number> {
    const peak = this.stopSampling();
    const pid = this.child.pid;
    if (pid !== undefined) {
      // Even when tsx's parent has exited, the node under it may still run.
      killGroup(pid, "SIGTERM");
      const stopped = await Promise.race([this.closed.then(() => true), sleep(10_000)]);
      await sleep(500);
      if (!stopped || groupAlive(pid)) killGroup(pid, "SIGKILL");
    }
    await Promise.race([this.closed, sleep(5_000)]);
    await this.logged;
    return peak;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already gone.
  }
}

/** Servers still running, killed however this process ends, and the copies they read. */
const running = new Set<number>();
const COPIES = path.join(os.tmpdir(), `news-digest-serve-latency-${process.pid}`);
function cleanUpOnExit(): void {
  process.on("exit", () => {
    for (const pid of running) killGroup(pid, "SIGKILL");
    rmSync(COPIES, { recursive: true, force: true });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      process.exit(130);
    });
  }
}

function startServer(
  content: string,
  work: string,
  port: number,
  logFile: string,
): { server: DevServer; pid: number } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/serve.ts",
      "--content",
      content,
      "--output",
      path.join(work, "_site"),
      "--cache",
      path.join(work, "rendered-bodies.jsonl"),
      "--port",
      String(port),
    ],
    // Its own process group, so that stopping it stops every process under it.
    { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  if (child.pid === undefined) throw new Error("the dev server did not start");
  running.add(child.pid);
  return { server: new DevServer(child, logFile), pid: child.pid };
}

/** Polls until `check` is true, every POLL_MS; false when `timeoutMs` passed first. */
async function pollUntil(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await sleep(POLL_MS);
  }
  return false;
}

async function measureSize(
  articles: number,
  edits: number,
  timeoutSeconds: number,
  runTag: string,
  kind: EditKind,
): Promise<SizeResult> {
  const withEdit = EDITS[kind];
  const paths = corpusPaths(articles);
  if (!existsSync(path.join(paths.root, "corpus.json"))) {
    log(`preparing the corpus of ${articles} articles`);
    await prepareCorpus(paths, false);
  }
  // Eleventy's watcher skips what .gitignore lists, bench/.corpus/ included: the server reads
  // a copy outside the project. Output, render cache and log stay under bench/.corpus/.
  const copy = path.join(COPIES, String(articles));
  const content = path.join(copy, "content");
  const work = path.join(paths.root, "serve");
  const logFile = path.join(work, "server.log");
  await rm(copy, { recursive: true, force: true });
  await rm(path.join(work, "_site"), { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(logFile, "");
  log(`${articles} articles: copying the content to ${copy}`);
  await cp(paths.content, content, { recursive: true });
  const edited = await articleToEdit(content);
  const file = path.join(content, edited);
  const original = await readFile(file, "utf8");
  const page = articlePagePath(file, original);

  const port = await freePort();
  log(`${articles} articles: starting the dev server on port ${port}; its log: ${logFile}`);
  const { server, pid } = startServer(content, work, port, logFile);
  const samples: EditSample[] = [];
  let readySeconds = 0;
  let peakRssBytes = 0;
  try {
    let url = `http://localhost:${port}${page}`;
    const ready = await pollUntil(async () => {
      if (server.hasExited) throw new Error(`the dev server exited; see ${logFile}`);
      // The dev server moves to another port when its own is taken.
      if (server.url) url = `${server.url}${page}`;
      return (await fetchPage(url)) !== undefined;
    }, 1800_000);
    if (!ready) throw new Error(`the dev server did not serve ${page} within 30 minutes`);
    readySeconds = (performance.now() - server.started) / 1000;
    // Eleventy's watcher (chokidar 4) says it is ready before it is: an edit in the first
    // moment after start-up can go unnoticed for good (seen at 1,000 articles with no wait).
    await sleep(SETTLE_MS);
    log(`${articles} articles: serving ${url} after ${formatSeconds(readySeconds)}`);

    for (let edit = 1; edit <= edits; edit++) {
      const sentence = probeSentence(runTag, edit);
      let before = server.lines.length;
      let written = performance.now();
      await writeFile(file, withEdit(original, sentence));
      // Even after the wait above, Eleventy's watcher can still be reading the folder at
      // 10,000 articles, and miss the edit for good: one it has not reported is written
      // again, and timed from then.
      for (let write = 1; write < WRITES_PER_EDIT; write++) {
        const noticed = () =>
          server.lines.slice(before).some((entry) => entry.line.kind === "changed");
        if (await pollUntil(noticed, NOTICE_MS)) break;
        log(
          `${articles} articles, edit ${edit}: not noticed in ${NOTICE_MS / 1000} s; written again`,
        );
        before = server.lines.length;
        written = performance.now();
        await writeFile(file, withEdit(original, sentence));
      }
      const shown = await pollUntil(
        async () => pageShows((await fetchPage(url)) ?? "", sentence),
        timeoutSeconds * 1000,
      );
      const shownAt = performance.now();
      // The next edit starts on an idle server: wait for this rebuild to end.
      const rebuildEnded = () =>
        server.lines.slice(before).some((entry) => entry.line.kind === "wrote");
      await pollUntil(rebuildEnded, shown ? timeoutSeconds * 1000 : 0);
      const sample = editSample(server.lines.slice(before), written, page);
      if (shown) sample.shown = (shownAt - written) / 1000;
      samples.push(sample);
      log(
        `${articles} articles, edit ${edit}/${edits}: ${
          shown
            ? `shown after ${formatSeconds(sample.shown as number)}`
            : `not shown within ${timeoutSeconds} s`
        }${sample.noticed === undefined ? "" : `; noticed ${formatSeconds(sample.noticed)}`}${
          sample.pageAhead === undefined
            ? ""
            : `, page written ahead ${formatSeconds(sample.pageAhead)}`
        }${
          sample.pageWritten === undefined
            ? ""
            : `, page written ${formatSeconds(sample.pageWritten)}`
        }${sample.rebuilt === undefined ? "" : `, rebuild ended ${formatSeconds(sample.rebuilt)}`}`,
      );
      if (!shown) break;
      await sleep(1000);
    }
  } finally {
    peakRssBytes = await server.stop();
    running.delete(pid);
    await writeFile(file, original);
    await rm(copy, { recursive: true, force: true });
  }
  return { articles, ready: readySeconds, edits: samples, peakRssBytes, timeoutSeconds };
}

/** The times of the log lines after one edit, in seconds from the write of the file. */
function editSample(lines: readonly StampedLine[], written: number, page: string): EditSample {
  const seconds = (at: number) => (at - written) / 1000;
  const sample: EditSample = {};
  for (const { at, line } of lines) {
    if (line.kind === "changed" && sample.noticed === undefined) sample.noticed = seconds(at);
    else if (line.kind === "ahead" && sample.pageAhead === undefined && line.url === page) {
      sample.pageAhead = seconds(at);
    } else if (
      line.kind === "writing" &&
      sample.pageWritten === undefined &&
      line.output.endsWith(`${page}index.html`)
    ) {
      sample.pageWritten = seconds(at);
    } else if (line.kind === "wrote" && sample.rebuilt === undefined) {
      sample.rebuilt = seconds(at);
      sample.eleventySeconds = line.seconds;
      sample.files = line.files;
    }
  }
  return sample;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      edits: { type: "string", default: "3" },
      timeout: { type: "string", default: "300" },
      edit: { type: "string", default: "text" },
    },
  });
  const kind = values.edit as EditKind;
  const sizes = values.sizes.split(",").map((size) => Number.parseInt(size, 10));
  const edits = Number.parseInt(values.edits, 10);
  const timeoutSeconds = Number.parseInt(values.timeout, 10);
  if (
    sizes.some((size) => !(size > 0)) ||
    !(edits > 0) ||
    !(timeoutSeconds > 0) ||
    !Object.hasOwn(EDITS, kind)
  ) {
    throw new Error(
      "usage: npm run bench:serve -- [--sizes 1000,10000] [--edits 3] [--timeout 300] [--edit text|headline]",
    );
  }
  cleanUpOnExit();
  const runTag = Date.now().toString(36);
  const results: SizeResult[] = [];
  for (const articles of sizes) {
    results.push(await measureSize(articles, edits, timeoutSeconds, runTag, kind));
  }
  const machine = [
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? os.arch()}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    `Node ${process.version}`,
    `Eleventy ${versionOf(path.join(PROJECT_ROOT, "node_modules", ".bin", "eleventy"), ["--version"]) ?? "?"}`,
    `${kind === "text" ? "a sentence added to the text" : "a new headline"}; seconds from writing the article file; median (min–max) over the edits; the page polled every ${POLL_MS} ms`,
  ].join("; ");
  const report = [machine, "", formatServeTable(results)].join("\n");
  console.log(report);
  await writeFile(path.join(CORPUS_ROOT, "serve-latency.md"), `${report}\n`);
  await writeFile(
    path.join(CORPUS_ROOT, "serve-latency.json"),
    `${JSON.stringify({ machine, results }, null, 2)}\n`,
  );
  log(`written to ${path.relative(process.cwd(), CORPUS_ROOT)}/serve-latency.{md,json}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
}
