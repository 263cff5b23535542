import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/build/load-news.ts";
import { BodyMissingError } from "../../src/markdown/body-store.ts";
import { indexSearch, indexSearchInWorker } from "../../src/search/search-index.ts";
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

  /** The search index of the fixture copy as it is now, with its shards kept in `cacheDir`. */
  async function indexCopy(cacheDir: string) {
    const { content } = await loadContent({ contentDir, includeDrafts: false });
    if (!content) throw new Error("the fixture copy did not load");
    return indexSearch(searchRecords(content), {
      recordsPerShard: 8,
      cacheDir,
      bodies: content.bodies.source(),
    });
  }

  /** The files a site links from an index, by their path inside the site, with their bytes. */
  const bytesOf = (linked: ReadonlyMap<string, string>) =>
    new Map([...linked].map(([file, source]) => [file, readFileSync(source).toString("base64")]));

  it("re-indexes only the shard of an edited article, into the same files a fresh index writes", async () => {
    const cacheDir = path.join(scratch, "cache");
    expect(await indexCopy(cacheDir)).toMatchObject({ shards: 8, indexed: 8 });
    expect(await indexCopy(cacheDir)).toMatchObject({ shards: 8, indexed: 0 });

    const file = path.join(contentDir, "articles", "haval-tula-plant-expansion.md");
    await writeFile(file, `${await readFile(file, "utf8")}\nThe plant hires 300 more workers.\n`);
    const warm = await indexCopy(cacheDir);
    expect(warm.indexed).toBe(1);
    const fresh = await indexCopy(path.join(scratch, "fresh-cache"));
    expect(fresh.indexed).toBe(8);

    const warmFiles = bytesOf(warm.linked);
    const freshFiles = bytesOf(fresh.linked);
    expect([...warmFiles.keys()].sort()).toEqual([...freshFiles.keys()].sort());
    for (const [name, bytes] of freshFiles) expect(warmFiles.get(name), name).toBe(bytes);
    expect(warm.shardList).toEqual(fresh.shardList);
  }, 120_000);

  it("hands every file of the index to the build to link, each a file of the cache, the UI once", async () => {
    const cacheDir = path.join(scratch, "linked-cache");
    const { linked, shardList } = await indexCopy(cacheDir);

    expect(shardList.url).toBe("/pagefind/shards.json");
    const { shards } = JSON.parse(shardList.text) as { shards: string[] };
    const cached = new Set(filePaths(cacheDir));
    const linkedShards = new Set([...linked.keys()].map((file) => file.split(path.sep)[1]));
    for (const shard of shards)
      expect(linkedShards.has(shard.replace(/\/$/, "")), shard).toBe(true);
    for (const [file, source] of linked) expect(cached.has(source), file).toBe(true);
    expect(linked.has(path.join("pagefind", "pagefind-ui.js"))).toBe(true);
    expect([...linked.keys()].filter((file) => /[\\/]\d+[\\/]pagefind-ui\.js$/.test(file))).toEqual(
      [],
    );
  }, 120_000);

  it("indexes in a worker thread the very files it indexes in the build's thread", async () => {
    const { content } = await loadContent({ contentDir, includeDrafts: false });
    if (!content) throw new Error("the fixture copy did not load");
    const records = searchRecords(content);
    const inThread = await indexSearch(records, {
      recordsPerShard: 8,
      cacheDir: path.join(scratch, "thread-cache"),
      bodies: content.bodies.source(),
    });
    const inWorker = await indexSearchInWorker(records, {
      recordsPerShard: 8,
      cacheDir: path.join(scratch, "worker-cache"),
      bodies: content.bodies.source(),
    });
    expect(inWorker.indexed).toBe(8);
    expect(inWorker.shardList).toEqual(inThread.shardList);
    const workerFiles = bytesOf(inWorker.linked);
    const threadFiles = bytesOf(inThread.linked);
    expect([...workerFiles.keys()].sort()).toEqual([...threadFiles.keys()].sort());
    for (const [name, bytes] of threadFiles) expect(workerFiles.get(name), name).toBe(bytes);
  }, 120_000);

  it("fails the build with the worker's reason when the index cannot be kept", async () => {
    const { content } = await loadContent({ contentDir, includeDrafts: false });
    if (!content) throw new Error("the fixture copy did not load");
    const notAFolder = path.join(scratch, "taken-by-a-file");
    await writeFile(notAFolder, "a file where the cache folder should be");
    await expect(
      indexSearchInWorker(searchRecords(content), {
        cacheDir: notAFolder,
        bodies: content.bodies.source(),
      }),
    ).rejects.toThrow(/EEXIST|ENOTDIR/);
  }, 120_000);

  it("fails with the missing body named, not as an internal error, when a record's body is gone", async () => {
    const { content } = await loadContent({ contentDir, includeDrafts: false });
    if (!content) throw new Error("the fixture copy did not load");
    const [first, ...others] = searchRecords(content);
    if (!first) throw new Error("the fixture copy has no article");
    const gone = { ...first, body: { key: "deleted-meanwhile", digest: first.body.digest } };
    await expect(
      indexSearchInWorker([gone, ...others], {
        cacheDir: path.join(scratch, "missing-body-cache"),
        bodies: content.bodies.source(),
      }),
    ).rejects.toThrow(BodyMissingError);
  }, 120_000);
});
