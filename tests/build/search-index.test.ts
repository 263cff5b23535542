import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { writeSearchIndex } from "../../src/search/search-index.ts";
import { searchRecords } from "../../src/search/search-records.ts";
import {
  type BuiltSite,
  buildFixtureSite,
  copyFixture,
  temporaryFolder,
} from "../support/build-fixture.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: { title: string };
}

let site: BuiltSite;
let fragments: Fragment[];

function shardsOf(siteDir: string): string[] {
  const list = JSON.parse(readFileSync(path.join(siteDir, "pagefind", "shards.json"), "utf8"));
  return (list as { shards: string[] }).shards;
}

/** Pagefind's fragments: gzipped JSON behind a signature, one per indexed record. */
function readFragments(siteDir: string): Fragment[] {
  return shardsOf(siteDir).flatMap((shard) => {
    const folder = path.join(siteDir, "pagefind", shard, "fragment");
    return readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(path.join(folder, name))).toString("utf8");
      return JSON.parse(text.replace(/^pagefind_dcd/, "")) as Fragment;
    });
  });
}

/** Every file below `folder`, as its path. */
function filePaths(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The files of the search index written into `siteDir`, with those it returned to link,
 * by their path inside `pagefind/`, each with its bytes: what the site will hold.
 */
function indexFilesOf(siteDir: string, linked: ReadonlyMap<string, string>): Map<string, string> {
  const files = filesOf(path.join(siteDir, "pagefind"));
  for (const [file, source] of linked) {
    files.set(path.relative("pagefind", file), readFileSync(source).toString("base64"));
  }
  return files;
}

/** Every file below `folder` with its bytes, to compare two indexes file by file. */
function filesOf(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(folder, file), readFileSync(file).toString("base64")];
      }),
  );
}

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS, { recordsPerShard: 8 });
  fragments = readFragments(site.outputDir);
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

describe("the search index of a build", () => {
  it("is written in shards that the search page merges, with Pagefind's UI beside them", () => {
    expect(shardsOf(site.outputDir)).toEqual(["0/", "1/", "2/", "3/", "4/", "5/", "6/", "7/"]);
    expect(site.fileFor("/pagefind/pagefind-ui.js")).toBeDefined();
    expect(site.fileFor("/pagefind/pagefind-ui.css")).toBeDefined();
  });

  it("publishes Pagefind's UI once, beside the shards, and only the index in each shard", () => {
    const uiBundles = [...filesOf(path.join(site.outputDir, "pagefind")).keys()].filter((file) =>
      /^\d+\/pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file),
    );
    expect(uiBundles).toEqual([]);
    expect(site.fileFor("/pagefind/0/pagefind.js")).toBeDefined();
    expect(site.fileFor("/pagefind/0/pagefind-entry.json")).toBeDefined();
  });

  it("holds exactly the published article pages, each in one shard", () => {
    const articlePages = site.pages().filter((url) => url.startsWith("/articles/"));
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(articlePages.sort());
  });

  it("leaves drafts out", () => {
    expect(fragments.some((fragment) => fragment.url.includes("draft"))).toBe(false);
  });

  it("titles each result with its article's headline and filters it by its tags", () => {
    const localization = fragments.find(
      (fragment) => fragment.url === "/articles/chery-localization-russia/",
    );
    expect(localization?.meta.title).toBe(
      "Chery makes localizing car assembly in Russia a top priority",
    );
    expect(localization?.filters.company).toEqual(["Chery"]);
    expect(localization?.filters.model).toEqual(["Tiggo 4 Pro"]);
    expect(localization?.content).toContain("Tiggo 4 Pro");
  });

  it("makes an article findable by every spelling of its tags, though its text has none of them", () => {
    const talks = fragments.find((f) => f.url === "/articles/chery-moskvich-plant-talks/");
    expect(talks?.content).toContain("Чери");
  });
});

describe("search shards kept between builds", () => {
  let contentDir = "";
  let scratch = "";

  beforeAll(async () => {
    contentDir = await copyFixture(CORPUS);
    scratch = await temporaryFolder("search-shards");
  });
  afterAll(async () => {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it("re-indexes only the shard of an edited article, into the same files a fresh index writes", async () => {
    const cacheDir = path.join(scratch, "cache");
    const index = async (folder: string, withCache: boolean) => {
      const { news } = await loadNews({ contentDir, includeDrafts: false });
      if (!news) throw new Error("the fixture copy did not load");
      return writeSearchIndex(path.join(scratch, folder), searchRecords(news), {
        recordsPerShard: 8,
        ...(withCache ? { cacheDir } : {}),
      });
    };
    expect(await index("cold", true)).toMatchObject({ shards: 8, indexed: 8 });
    expect(await index("unchanged", true)).toMatchObject({ shards: 8, indexed: 0 });

    const file = path.join(contentDir, "articles", "haval-tula-plant-expansion.md");
    await writeFile(file, `${await readFile(file, "utf8")}\nThe plant hires 300 more workers.\n`);
    const { indexed, linked } = await index("warm", true);
    expect(indexed).toBe(1);
    const { linked: none } = await index("fresh", false);
    expect(none.size).toBe(0);

    const warm = indexFilesOf(path.join(scratch, "warm"), linked);
    const fresh = filesOf(path.join(scratch, "fresh", "pagefind"));
    expect([...warm.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [name, bytes] of fresh) expect(warm.get(name), name).toBe(bytes);
  }, 120_000);

  it("hands each file of a cached shard to the build to link, and writes only the list of shards", async () => {
    const cacheDir = path.join(scratch, "linked-cache");
    const { news } = await loadNews({ contentDir, includeDrafts: false });
    if (!news) throw new Error("the fixture copy did not load");
    const siteDir = path.join(scratch, "linked");
    const { linked } = await writeSearchIndex(siteDir, searchRecords(news), {
      recordsPerShard: 8,
      cacheDir,
    });

    expect(filePaths(siteDir).map((file) => path.relative(siteDir, file))).toEqual([
      path.join("pagefind", "shards.json"),
    ]);
    const cached = new Set(filePaths(cacheDir));
    const shards = shardsOf(siteDir);
    const linkedShards = new Set([...linked.keys()].map((file) => file.split(path.sep)[1]));
    for (const shard of shards)
      expect(linkedShards.has(shard.replace(/\/$/, "")), shard).toBe(true);
    for (const [file, source] of linked) expect(cached.has(source), file).toBe(true);
    expect(linked.has(path.join("pagefind", "pagefind-ui.js"))).toBe(true);
    expect([...linked.keys()].filter((file) => /[\\/]\d+[\\/]pagefind-ui\.js$/.test(file))).toEqual(
      [],
    );
  }, 120_000);
});
