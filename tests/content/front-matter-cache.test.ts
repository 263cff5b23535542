import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrontMatterCache } from "../../src/content/front-matter-cache.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { parseArticle } from "../../src/content/parse-article.ts";
import { loadRegistry } from "../../src/registry/load-registry.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

// Counts the parses the cache saves, by calling through to the real parser.
vi.mock("../../src/content/parse-article.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/content/parse-article.ts")>();
  return { ...actual, parseArticle: vi.fn(actual.parseArticle) };
});

const ZONE = "Europe/Moscow";
const BUILDER = "builder version 1";

const REGISTRY = {
  companies: "companies:\n  - name: Chery\n  - name: Geely\n",
  models: "models:\n  - name: Tiggo 4 Pro\n    company: Chery\n",
  partners: "partners:\n  - name: GAZ\n  - name: UAZ\n",
};

/** Good articles, and some with an error or a warning from each step of loading. */
const ARTICLES = {
  "chery-tiggo-4-pro-crash-test.md": articleText([
    "title: Tiggo 4 Pro gets five stars in a Russian crash test",
    "date: 2022-06-01T23:30:00+03:00",
    "updated: 2022-06-03",
    "company: Chery",
    "models: [Tiggo 4 Pro]",
    "corrections:",
    '  - { date: 2022-06-03, text: "The test was run in Dmitrov, not in Tolyatti." }',
  ]),
  "chery-uaz-assembly-rumours.md": articleText([
    "title: Chery and UAZ discuss assembly in Ulyanovsk",
    "date: 2022-03-28",
    "company: [Chery, Chery]",
    "partners:",
    "  - name: UAZ",
    "    status: in-talks",
  ]),
  "chery-gaz-vans.md": articleText([
    "title: Chery looks at GAZ vans",
    "date: 2022-04-02",
    "company: Chery",
    'partners: [GAZ, "!!!"]',
  ]),
  "chery-tiggo-7-pro-price-list.md": articleText([
    "title: Chery raises Tiggo 7 Pro prices",
    "date: 2022-02-30",
    "company: Chery",
  ]),
  "geely-coolray-recall.md": articleText([
    "title: Geely: Coolray recall",
    "date: 2022-05-12",
    "company: Geely",
  ]),
};

const parses = vi.mocked(parseArticle);

/** The names of the files parsed since the last `parses.mockClear()`. */
const parsedFiles = () => parses.mock.calls.map(([source]) => path.basename(source.file));

async function contentFolder(): Promise<{ dir: string; cacheFile: string }> {
  const dir = await createContentFolder({ registry: REGISTRY, articles: ARTICLES });
  return { dir, cacheFile: path.join(dir, ".cache", "front-matter.jsonl") };
}

/** A run as the commands make it: the cache opened, the articles loaded, the cache saved. */
async function load(
  dir: string,
  cacheFile: string,
  { version = BUILDER, timeZone = ZONE }: { version?: string; timeZone?: string } = {},
) {
  const { registry } = await loadRegistry(dir);
  const cache = await FrontMatterCache.open(cacheFile, version);
  const loaded = await loadArticles(dir, timeZone, registry, cache);
  await cache.save();
  return loaded;
}

const article = (dir: string, name: keyof typeof ARTICLES) => path.join(dir, "articles", name);

beforeEach(() => {
  parses.mockClear();
});
afterEach(removeContentFolders);

describe("a warm run with the front-matter cache", () => {
  it("parses no file that did not change", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    parses.mockClear();
    await load(dir, cacheFile);
    expect(parsedFiles()).toEqual([]);
  });

  it("parses a changed file once, and no other", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    const file = article(dir, "chery-gaz-vans.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("GAZ vans", "GAZ Sobol vans"));
    parses.mockClear();
    await load(dir, cacheFile);
    expect(parsedFiles()).toEqual(["chery-gaz-vans.md"]);
  });

  it("gives the cold run's articles and diagnostics, byte for byte", async () => {
    const { dir, cacheFile } = await contentFolder();
    const cold = await load(dir, cacheFile);
    const warm = await load(dir, cacheFile);
    expect(warm.articles).toStrictEqual(cold.articles);
    expect(JSON.stringify(warm.diagnostics)).toBe(JSON.stringify(cold.diagnostics));
  });

  it("reports errors and warnings of cached files at their line and column", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    const { diagnostics } = await load(dir, cacheFile);
    expect(
      diagnostics.map(({ file, line, column, severity, ruleId }) => [
        path.basename(file),
        `${line}:${column}`,
        severity,
        ruleId,
      ]),
    ).toEqual([
      ["chery-gaz-vans.md", "5:17", "error", "empty-term"],
      ["chery-tiggo-7-pro-price-list.md", "3:7", "error", "invalid-field"],
      ["chery-uaz-assembly-rumours.md", "4:18", "warning", "duplicate-term"],
      ["geely-coolray-recall.md", "2:8", "error", "yaml-syntax"],
    ]);
  });

  it("resolves names against the registry of this run, not of the run that parsed", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    await writeFile(
      path.join(dir, "registry", "companies.yaml"),
      "companies:\n  - name: Chery Automobile\n    aliases: [Chery]\n  - name: Geely\n",
    );
    parses.mockClear();
    const { articles } = await load(dir, cacheFile);
    expect(parsedFiles()).toEqual([]);
    expect(articles.map((entry) => entry.companies.map((company) => company.name))).toEqual([
      ["Chery Automobile"],
      ["Chery Automobile"],
    ]);
  });
});

describe("what misses the front-matter cache", () => {
  it("parses every file again in another time zone", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    parses.mockClear();
    const { articles } = await load(dir, cacheFile, { timeZone: "Asia/Vladivostok" });
    expect(parsedFiles()).toHaveLength(Object.keys(ARTICLES).length);
    // 1 June 2022 starts seven hours earlier in Vladivostok (UTC+10) than in Moscow (UTC+3).
    expect(articles[0]?.updated?.instant).toBe(Date.parse("2022-06-02T14:00:00Z"));
  });

  it("parses every file again after the builder changed", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    parses.mockClear();
    await load(dir, cacheFile, { version: "builder version 2" });
    expect(parsedFiles()).toHaveLength(Object.keys(ARTICLES).length);
  });

  it("parses again a file whose bytes changed but whose modification time did not", async () => {
    const { dir, cacheFile } = await contentFolder();
    await load(dir, cacheFile);
    const file = article(dir, "chery-tiggo-4-pro-crash-test.md");
    const before = await stat(file);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("five stars", "four stars"));
    await utimes(file, before.atime, before.mtime);
    parses.mockClear();
    const { articles } = await load(dir, cacheFile);
    expect(parsedFiles()).toEqual(["chery-tiggo-4-pro-crash-test.md"]);
    expect(articles[0]?.title).toBe("Tiggo 4 Pro gets four stars in a Russian crash test");
  });

  it("parses again the files whose lines a cache file cut short lost, and gives the cold run's results", async () => {
    const { dir, cacheFile } = await contentFolder();
    const cold = await load(dir, cacheFile);
    const whole = await readFile(cacheFile, "utf8");
    await writeFile(cacheFile, whole.slice(0, Math.floor(whole.length / 2)));
    parses.mockClear();
    const warm = await load(dir, cacheFile);
    expect(parsedFiles().length).toBeGreaterThan(0);
    expect(parsedFiles().length).toBeLessThan(Object.keys(ARTICLES).length);
    expect(warm).toStrictEqual(cold);
  });
});

describe("the bodies the front-matter cache gives back", () => {
  const FRONT = "title: Chery localizes assembly\ndate: 2022-06-01\ncompany: Chery";
  /** Files whose bodies a parser could cut, trim or change on the way. */
  const FILES: Array<[string, string]> = [
    ["a body after a blank line", `---\n${FRONT}\n---\n\nChery assembles the Tiggo 4 Pro.\n`],
    ["Windows line endings", `---\r\n${FRONT.replaceAll("\n", "\r\n")}\r\n---\r\n\r\nChery.\r\n`],
    ["no final line break", `---\n${FRONT}\n---\nChery assembles the Tiggo 4 Pro.`],
    ["no body at all", `---\n${FRONT}\n---\n`],
    ["a fence inside the body", `---\n${FRONT}\n---\n\nBefore.\n\n---\n\nAfter the rule.\n`],
    ["trailing spaces and blank lines", `---\n${FRONT}\n---\n\nChery.   \n\n\n`],
    ["Cyrillic text", `---\n${FRONT}\n---\n\nЧери локализует сборку в России.\n`],
  ];

  it.each(FILES)("gives back the body a fresh parse gives: %s", async (_case, text) => {
    const dir = await createContentFolder({ registry: REGISTRY, articles: { "chery.md": text } });
    const cacheFile = path.join(dir, ".cache", "front-matter.jsonl");
    const cold = await load(dir, cacheFile);
    parses.mockClear();
    const warm = await load(dir, cacheFile);
    expect(parsedFiles()).toEqual([]);
    expect(warm).toStrictEqual(cold);
  });

  it("keeps a body that ends its file by its length, not its text", async () => {
    const body = "Chery assembles the Tiggo 4 Pro at the Avtotor plant in Kaliningrad.";
    const dir = await createContentFolder({
      registry: REGISTRY,
      articles: { "chery.md": `---\n${FRONT}\n---\n\n${body}\n` },
    });
    const cacheFile = path.join(dir, ".cache", "front-matter.jsonl");
    const cold = await load(dir, cacheFile);
    expect(cold.articles[0]?.markdown).toContain(body);
    expect(await readFile(cacheFile, "utf8")).not.toContain("Avtotor");
  });
});
