import { spawnSync } from "node:child_process";
import path from "node:path";
import type { CorpusVariant } from "./corpus/entities.ts";
import type { Command } from "./measure/run-measured.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const CORPUS_ROOT = path.join(PROJECT_ROOT, "bench", ".corpus");

/**
 * The folders of one corpus, all below the git-ignored `bench/.corpus/<size>/` (the standard
 * corpus) or `bench/.corpus/<variant>-<size>/`.
 */
export interface CorpusPaths {
  articles: number;
  variant: CorpusVariant;
  root: string;
  content: string;
  hugoContent: string;
  output(tool: string): string;
}

export function corpusPaths(articles: number, variant: CorpusVariant = "standard"): CorpusPaths {
  const folder = variant === "standard" ? String(articles) : `${variant}-${articles}`;
  const root = path.join(CORPUS_ROOT, folder);
  return {
    articles,
    variant,
    root,
    content: path.join(root, "content"),
    hugoContent: path.join(root, "hugo-content"),
    output: (tool) => path.join(root, "out", tool),
  };
}

export interface Tool {
  name: string;
  /** The content folder the tool reads: the edit of a warm build goes there. */
  contentOf(paths: CorpusPaths): string;
  /** The tool's own caches for this corpus, if any: deleted before each cold build. */
  cacheOf?(paths: CorpusPaths): string;
  build(paths: CorpusPaths): Command;
}

const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules", ".bin", name);

/** Its caches beside its output, one set per corpus: a cold build starts without them. */
const newsDigestCache = (paths: CorpusPaths) => path.join(paths.root, "out", "news-digest-cache");

/** What `npm run build` runs, without npm's own start-up in front of it. */
export const newsDigest: Tool = {
  name: "news-digest",
  contentOf: (paths) => paths.content,
  cacheOf: newsDigestCache,
  build: (paths) => ({
    program: process.execPath,
    args: [
      "--import",
      "tsx",
      "src/cli/build.ts",
      "--content",
      paths.content,
      "--output",
      paths.output("news-digest"),
      "--cache",
      path.join(newsDigestCache(paths), "rendered-bodies.jsonl"),
    ],
    cwd: PROJECT_ROOT,
  }),
};

export const eleventyAnchor: Tool = {
  name: "eleventy",
  contentOf: (paths) => paths.content,
  build: (paths) => ({
    program: bin("eleventy"),
    args: [
      `--config=${path.join(PROJECT_ROOT, "bench", "anchors", "eleventy", "eleventy.config.js")}`,
      `--input=${paths.content}`,
      `--output=${paths.output("eleventy")}`,
      "--quiet",
    ],
    cwd: PROJECT_ROOT,
  }),
};

export const hugoAnchor: Tool = {
  name: "hugo",
  contentOf: (paths) => paths.hugoContent,
  build: (paths) => ({
    program: "hugo",
    args: [
      "--source",
      path.join(PROJECT_ROOT, "bench", "anchors", "hugo"),
      "--contentDir",
      paths.hugoContent,
      "--destination",
      paths.output("hugo"),
      "--quiet",
    ],
    cwd: PROJECT_ROOT,
  }),
};

/**
 * `npm run check` as an editor types it, npm included, with the caches the builds of the
 * corpus left, as an editor's check finds those of their builds.
 */
export function checkCommand(paths: CorpusPaths): Command {
  return {
    program: "npm",
    args: [
      "run",
      "--silent",
      "check",
      "--",
      "--content",
      paths.content,
      "--cache",
      path.join(newsDigestCache(paths), "rendered-bodies.jsonl"),
    ],
    cwd: PROJECT_ROOT,
  };
}

/** The first line a program prints for `args`, or undefined when it is not installed. */
export function versionOf(program: string, args: string[]): string | undefined {
  const result = spawnSync(program, args, { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split("\n")[0]?.trim();
}
