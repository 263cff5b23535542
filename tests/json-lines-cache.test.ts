import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JsonLinesCache } from "../src/json-lines-cache.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";

const VERSION = "parser 7";

/** A summary per article file, as the front-matter cache keeps parsed articles. */
type Summary = { title: string; company: string };

const summaries = (count: number, edition = 1): [string, Summary][] =>
  Array.from({ length: count }, (_, index) => [
    `chery-news-${index}@${edition}`,
    { title: `Chery news ${index}, edition ${edition}`, company: "Chery" },
  ]);

async function cacheFile(): Promise<string> {
  return path.join(await temporaryFolder("json-lines-cache"), "front-matter.jsonl");
}

/** One run: opens the cache, uses `entries` (computing the missing ones), saves. */
async function run(file: string, entries: [string, Summary][]): Promise<number> {
  const cache = await JsonLinesCache.open<Summary>(file, VERSION);
  let computed = 0;
  for (const [key, value] of entries) {
    if (cache.get(key) === undefined) computed++;
    cache.set(key, cache.get(key) ?? value);
  }
  await cache.save();
  return computed;
}

const linesOf = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

describe("a cache kept in JSON Lines between runs", () => {
  it("finds every entry of the last run in the next", async () => {
    const file = await cacheFile();
    expect(await run(file, summaries(40))).toBe(40);
    expect(await run(file, summaries(40))).toBe(0);
  });

  it("leaves the file as it is when a run used exactly what it holds", async () => {
    const file = await cacheFile();
    await run(file, summaries(40));
    const before = await readFile(file, "utf8");
    await run(file, summaries(40));
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("adds only the new entry at the end of the file after one edit", async () => {
    const file = await cacheFile();
    await run(file, summaries(40));
    const before = await readFile(file, "utf8");
    const edited = summaries(40);
    edited[7] = ["chery-news-7@2", { title: "Chery news 7, corrected", company: "Chery" }];
    expect(await run(file, edited)).toBe(1);
    const after = await readFile(file, "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("writes the file anew with only the entries in use once a quarter of it is outdated", async () => {
    const file = await cacheFile();
    await run(file, summaries(40));
    // Every article edited: 40 new entries, 40 outdated ones.
    expect(await run(file, summaries(40, 2))).toBe(40);
    expect(await linesOf(file)).toHaveLength(1 + 40);
    expect(await run(file, summaries(40, 2))).toBe(0);
  });

  it("skips only a line a killed run left torn, and adds after it on a line of its own", async () => {
    const file = await cacheFile();
    await run(file, summaries(40));
    await appendFile(file, '["chery-news-40@1", {"title": "Chery ne');
    const cache = await JsonLinesCache.open<Summary>(file, VERSION);
    expect(cache.size).toBe(40);
    expect(await run(file, summaries(41))).toBe(1);
    expect(await run(file, summaries(41))).toBe(0);
  });

  it.each([
    { file: "missing", text: undefined },
    { file: "not JSON Lines", text: "{ not json" },
    { file: "of another version", text: '{"version": "parser 6"}\n["chery-news-0@1", {}]\n' },
  ])("starts empty from a file that is $file, and writes it anew", async ({ text }) => {
    const file = await cacheFile();
    if (text !== undefined) await writeFile(file, text);
    expect(await run(file, summaries(3))).toBe(3);
    const lines = await linesOf(file);
    expect(JSON.parse(lines[0] ?? "")).toEqual({ version: VERSION });
    expect(lines).toHaveLength(4);
  });
});
