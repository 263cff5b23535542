import { readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  assembleTree,
  type BuiltTree,
  forgetVersions,
  identityOf,
  keepSinglePages,
  keepUnchangedPages,
  readVersion,
  recordedVersions,
  recordVersion,
  type StagedTree,
  siteRecord,
  type TreeFile,
  type TreeFiles,
} from "../../src/output/site-tree.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const LOCALIZATION = "/articles/chery-localization-russia/";
const CRASH_TEST = "/articles/chery-tiggo-4-pro-crash-test/";
const CHERY_PAGE_2 = "/companies/chery/page/2/";
const fileOf = (url: string) => `${url.slice(1)}index.html`;

let root: string;

beforeEach(async () => {
  root = await temporaryFolder("site-tree");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function siteWith(name: string, files: Record<string, string>): Promise<string> {
  const folder = path.join(root, name);
  await mkdir(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  return folder;
}

/** A record of every file of `folder`, with the fingerprints given by URL. */
function recordOf(folder: string, fingerprints: Record<string, string> = {}): TreeFiles {
  const files: TreeFiles = new Map();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(folder, path.join(entry.parentPath, entry.name));
    files.set(file, identityOf(path.join(folder, file)) ?? { size: 0, mtimeMs: 0 });
  }
  return siteRecord(files, new Map(Object.entries(fingerprints)), new Map());
}

const ino = (file: string) => statSync(file).ino;
const filesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();

const PRINTS = {
  [LOCALIZATION]: "print-localization",
  [CRASH_TEST]: "print-crash-test",
  [CHERY_PAGE_2]: "print-chery-2",
};
const PAGES = {
  [fileOf(LOCALIZATION)]: "<h1>Chery will assemble cars in Russia</h1>",
  [fileOf(CRASH_TEST)]: "<h1>Tiggo 4 Pro gets five stars</h1>",
  [fileOf(CHERY_PAGE_2)]: "<h1>Chery, page 2</h1>",
};

describe("keepUnchangedPages", () => {
  let live: BuiltTree;
  beforeEach(async () => {
    const dir = await siteWith("_site.v-2", PAGES);
    live = { dir, files: recordOf(dir, PRINTS) };
  });

  async function emptyStaging(): Promise<StagedTree> {
    const dir = await siteWith("_site.staging", {});
    return { dir, held: new Map(), fresh: dir };
  }

  it("links each unchanged page from the live site into an empty staging folder", async () => {
    const staged = await emptyStaging();
    const kept = await keepUnchangedPages(new Map(Object.entries(PRINTS)), staged, live);
    expect([...kept.urls].sort()).toEqual([CRASH_TEST, LOCALIZATION, CHERY_PAGE_2].sort());
    const page = path.join(staged.dir, fileOf(CHERY_PAGE_2));
    expect(await readFile(page, "utf8")).toBe("<h1>Chery, page 2</h1>");
    expect(ino(page)).toBe(ino(path.join(live.dir, fileOf(CHERY_PAGE_2))));
  });

  it("leaves a page the kept site holds as recorded where it is", async () => {
    const dir = await siteWith("_site.staging", PAGES);
    const staged = { dir, held: recordOf(dir, PRINTS), fresh: path.join(root, "fresh") };
    const before = ino(path.join(dir, fileOf(LOCALIZATION)));
    const kept = await keepUnchangedPages(new Map(Object.entries(PRINTS)), staged, live);
    expect(kept.urls.has(LOCALIZATION)).toBe(true);
    expect(ino(path.join(dir, fileOf(LOCALIZATION)))).toBe(before);
    expect(ino(path.join(dir, fileOf(LOCALIZATION)))).not.toBe(
      ino(path.join(live.dir, fileOf(LOCALIZATION))),
    );
  });

  it("links from the live site a page the kept site holds with another fingerprint", async () => {
    const dir = await siteWith("_site.staging", {
      ...PAGES,
      [fileOf(CRASH_TEST)]: "<h1>Tiggo 4 Pro crash test, first version</h1>",
    });
    const staged = {
      dir,
      held: recordOf(dir, { ...PRINTS, [CRASH_TEST]: "print-crash-test-old" }),
      fresh: path.join(root, "fresh"),
    };
    const kept = await keepUnchangedPages(new Map(Object.entries(PRINTS)), staged, live);
    expect(kept.urls.has(CRASH_TEST)).toBe(true);
    expect(await readFile(path.join(dir, fileOf(CRASH_TEST)), "utf8")).toBe(
      "<h1>Tiggo 4 Pro gets five stars</h1>",
    );
  });

  it("leaves a page whose fingerprint changed to be written again", async () => {
    const staged = await emptyStaging();
    const edited = new Map(Object.entries({ ...PRINTS, [LOCALIZATION]: "print-edited" }));
    const kept = await keepUnchangedPages(edited, staged, live);
    expect(kept.urls.has(LOCALIZATION)).toBe(false);
    expect(identityOf(path.join(staged.dir, fileOf(LOCALIZATION)))).toBeUndefined();
  });

  it("leaves a page to be written again when its live file was written over since", async () => {
    const staged = await emptyStaging();
    await writeFile(path.join(live.dir, fileOf(CRASH_TEST)), "<h1>Draft preview</h1>");
    const kept = await keepUnchangedPages(new Map(Object.entries(PRINTS)), staged, live);
    expect(kept.urls.has(CRASH_TEST)).toBe(false);
    expect(kept.urls.has(LOCALIZATION)).toBe(true);
  });

  it("leaves a new page, which no site holds, to be written", async () => {
    const staged = await emptyStaging();
    const prints = new Map(Object.entries({ ...PRINTS, "/articles/new-article/": "print-new" }));
    const kept = await keepUnchangedPages(prints, staged, live);
    expect(kept.urls.has("/articles/new-article/")).toBe(false);
  });
});

describe("assembleTree", () => {
  it("moves in what the build wrote, links cached files and deletes what the site no longer has", async () => {
    const dir = await siteWith("_site.staging", {
      ...PAGES,
      "articles/withdrawn-story/index.html": "<h1>Withdrawn</h1>",
      "pagefind/0/index.pf": "old index",
    });
    const held = recordOf(dir, PRINTS);
    const fresh = await siteWith("_site.fresh", {
      [fileOf(CRASH_TEST)]: "<h1>Tiggo 4 Pro gets five stars, updated</h1>",
      "index.html": "<h1>Home</h1>",
    });
    const cache = await siteWith("cache", { "k1/index.pf": "new index" });
    const kept: TreeFiles = new Map(
      [LOCALIZATION, CHERY_PAGE_2].map((url) => [fileOf(url), held.get(fileOf(url)) as TreeFile]),
    );

    const files = await assembleTree(
      { dir, held, fresh },
      kept,
      new Map([["pagefind/0/index.pf", path.join(cache, "k1/index.pf")]]),
    );

    expect(filesIn(dir)).toEqual(
      [
        fileOf(CHERY_PAGE_2),
        fileOf(CRASH_TEST),
        fileOf(LOCALIZATION),
        "index.html",
        "pagefind/0/index.pf",
      ].sort(),
    );
    expect([...files.keys()].sort()).toEqual(filesIn(dir));
    expect(await readFile(path.join(dir, fileOf(CRASH_TEST)), "utf8")).toContain("updated");
    expect(ino(path.join(dir, "pagefind/0/index.pf"))).toBe(ino(path.join(cache, "k1/index.pf")));
    expect(identityOf(path.join(dir, "articles/withdrawn-story"))).toBeUndefined();
    expect(readdirSync(path.join(dir, "articles")).sort()).toEqual(
      ["chery-localization-russia", "chery-tiggo-4-pro-crash-test"].sort(),
    );
  });

  it("leaves a linked file the kept site already shares with the cache as it is", async () => {
    const cache = await siteWith("cache", { "k1/index.pf": "index" });
    const dir = await siteWith("_site.staging", {});
    await mkdir(path.join(dir, "pagefind/0"), { recursive: true });
    const linked = new Map([["pagefind/0/index.pf", path.join(cache, "k1/index.pf")]]);
    const first = await assembleTree({ dir, held: new Map(), fresh: dir }, new Map(), linked);
    const before = first.get("pagefind/0/index.pf");

    const again = await assembleTree(
      { dir, held: first, fresh: await siteWith("_site.fresh", {}) },
      new Map(),
      linked,
    );

    expect(again.get("pagefind/0/index.pf")).toEqual(before);
  });

  it("puts a file where the kept site had a folder of the same name", async () => {
    const dir = await siteWith("_site.staging", { "feed.json/index.html": "<h1>odd</h1>" });
    const fresh = await siteWith("_site.fresh", { "feed.json": "{}" });
    await assembleTree({ dir, held: recordOf(dir), fresh }, new Map(), new Map());
    expect(await readFile(path.join(dir, "feed.json"), "utf8")).toBe("{}");
  });

  it("never writes to a file the kept site shares with the live site", async () => {
    const live = await siteWith("_site.v-2", { "index.html": "<h1>Live home</h1>" });
    const dir = await siteWith("_site.staging", {});
    await keepUnchangedPages(
      new Map([["/", "print-home"]]),
      { dir, held: new Map(), fresh: dir },
      { dir: live, files: recordOf(live, { "/": "print-home" }) },
    );
    const fresh = await siteWith("_site.fresh", { "index.html": "<h1>New home</h1>" });

    await assembleTree({ dir, held: recordOf(dir), fresh }, new Map(), new Map());

    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("<h1>New home</h1>");
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("<h1>Live home</h1>");
  });
});

describe("keepSinglePages", () => {
  const SINGLES = { "sitemap.xml": "<urlset/>", "search/index.html": "<h1>Search</h1>" };
  async function liveWithSingles(): Promise<BuiltTree> {
    const dir = await siteWith("_site.v-2", { ...PAGES, ...SINGLES });
    const files = siteRecord(recordOf(dir), new Map(Object.entries(PRINTS)), new Map(), {
      fingerprint: "print-singles",
      files: Object.keys(SINGLES),
    });
    return { dir, files };
  }

  it("links the single pages from the live site when they were written with the same fingerprint", async () => {
    const live = await liveWithSingles();
    const dir = await siteWith("_site.staging", {});
    const kept = await keepSinglePages("print-singles", { dir, held: new Map(), fresh: dir }, live);
    expect([...(kept?.keys() ?? [])].sort()).toEqual(Object.keys(SINGLES).sort());
    expect(ino(path.join(dir, "sitemap.xml"))).toBe(ino(path.join(live.dir, "sitemap.xml")));
  });

  it("keeps none when their fingerprint changed", async () => {
    const live = await liveWithSingles();
    const dir = await siteWith("_site.staging", {});
    expect(
      await keepSinglePages("print-singles-2", { dir, held: new Map(), fresh: dir }, live),
    ).toBeUndefined();
  });

  it("keeps none when one of them was written over since", async () => {
    const live = await liveWithSingles();
    await writeFile(path.join(live.dir, "sitemap.xml"), "<urlset>edited</urlset>");
    const dir = await siteWith("_site.staging", {});
    expect(
      await keepSinglePages("print-singles", { dir, held: new Map(), fresh: dir }, live),
    ).toBeUndefined();
    expect(filesIn(dir)).toEqual([]);
  });
});

describe("version records", () => {
  it("records a version's files, fingerprints and listed articles, and reads them back", async () => {
    const records = path.join(root, "records");
    const dir = await siteWith("_site.v-1", PAGES);
    const files = siteRecord(
      recordOf(dir),
      new Map(Object.entries(PRINTS)),
      new Map([[CHERY_PAGE_2, [LOCALIZATION, CRASH_TEST]]]),
    );
    await recordVersion(records, "_site.v-1", files);
    const read = await readVersion(records, "_site.v-1");
    expect(read?.files).toEqual(files);
    expect(read?.files.get(fileOf(CHERY_PAGE_2))?.listed).toEqual([LOCALIZATION, CRASH_TEST]);
    expect(read?.files.get(fileOf(LOCALIZATION))?.fingerprint).toBe("print-localization");
    expect(read?.inputs).toBeUndefined();
  });

  it("reads back what a version was built from and what its build told", async () => {
    const records = path.join(root, "records");
    const dir = await siteWith("_site.v-1", PAGES);
    const inputs = {
      digest: "digest-of-content-builder-and-day",
      diagnostics: [
        {
          file: "content/articles/avtotor-kaliningrad.md",
          line: 4,
          column: 12,
          severity: "warning" as const,
          ruleId: "unregistered-term",
          message: 'partner "Avtotor" is not in the registry',
        },
      ],
    };
    await recordVersion(records, "_site.v-1", recordOf(dir), inputs);
    expect((await readVersion(records, "_site.v-1"))?.inputs).toEqual(inputs);
  });

  it.each([
    { record: "missing", text: undefined },
    { record: "damaged", text: '{"format": 4, "files": {' },
    { record: "of an older format", text: '{"format": 3, "version": "_site.v-1", "files": {}}' },
    { record: "of another version", text: '{"format": 4, "version": "_site.v-9", "files": {}}' },
  ])("reads nothing from a record that is $record", async ({ text }) => {
    const records = path.join(root, "records");
    await mkdir(records, { recursive: true });
    if (text !== undefined) await writeFile(path.join(records, "_site.v-1.json"), text);
    expect(await readVersion(records, "_site.v-1")).toBeUndefined();
  });

  it("forgets every version but those kept", async () => {
    const records = path.join(root, "records");
    for (const version of ["_site.v-1", "_site.v-2", "_site.v-3"]) {
      await recordVersion(records, version, new Map());
    }
    await forgetVersions(records, new Set(["_site.v-2"]));
    expect(await recordedVersions(records)).toEqual(new Set(["_site.v-2"]));
  });

  it.each(["content-files.json", "notes.json", "_site.json", "_site.v-1.json.tmp-123"])(
    "takes %s beside the records for no version, and never forgets it",
    async (name) => {
      const records = path.join(root, "records");
      await recordVersion(records, "_site.v-1796673505373-4220", new Map());
      await writeFile(path.join(records, name), "{}");
      expect(await recordedVersions(records)).toEqual(new Set(["_site.v-1796673505373-4220"]));
      await forgetVersions(records);
      expect(await readFile(path.join(records, name), "utf8")).toBe("{}");
    },
  );
});
