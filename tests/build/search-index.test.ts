import { readdirSync, readFileSync, statSync } from "node:fs";
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
    expect(await index("cold", true)).toEqual({ shards: 8, indexed: 8 });
    expect(await index("unchanged", true)).toEqual({ shards: 8, indexed: 0 });

    const file = path.join(contentDir, "articles", "haval-tula-plant-expansion.md");
    await writeFile(file, `${await readFile(file, "utf8")}\nThe plant hires 300 more workers.\n`);
    expect(await index("warm", true)).toEqual({ shards: 8, indexed: 1 });
    await index("fresh", false);

    const warm = filesOf(path.join(scratch, "warm", "pagefind"));
    const fresh = filesOf(path.join(scratch, "fresh", "pagefind"));
    expect([...warm.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [name, bytes] of fresh) expect(warm.get(name), name).toBe(bytes);
  }, 120_000);

  it("links each file of a cached shard into the output, so the two are one file", async () => {
    const cacheDir = path.join(scratch, "linked-cache");
    const { news } = await loadNews({ contentDir, includeDrafts: false });
    if (!news) throw new Error("the fixture copy did not load");
    const siteDir = path.join(scratch, "linked");
    await writeSearchIndex(siteDir, searchRecords(news), { recordsPerShard: 8, cacheDir });
    const cached = new Set(filePaths(cacheDir).map((file) => statSync(file).ino));

    const shardFiles = shardsOf(siteDir).flatMap((shard) =>
      filePaths(path.join(siteDir, "pagefind", shard)),
    );
    expect(shardFiles.length).toBeGreaterThan(0);
    for (const file of shardFiles) expect(cached.has(statSync(file).ino), file).toBe(true);
  }, 120_000);
});
