import { statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  readWrittenPages,
  recordWrittenPages,
  reuseUnchangedPages,
  writtenPagesRecord,
} from "../../src/output/reuse-pages.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const LOCALIZATION = "/articles/chery-localization-russia/";
const CRASH_TEST = "/articles/chery-tiggo-4-pro-crash-test/";
const CHERY_PAGE_2 = "/companies/chery/page/2/";

let root: string;
let outputDir: string;
let staging: string;
let record: string;

async function writePage(url: string, html: string): Promise<void> {
  const file = path.join(outputDir, url, "index.html");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
}

const fingerprints = new Map([
  [LOCALIZATION, "print-localization"],
  [CRASH_TEST, "print-crash-test"],
  [CHERY_PAGE_2, "print-chery-2"],
]);

beforeEach(async () => {
  root = await temporaryFolder("reuse");
  outputDir = path.join(root, "_site");
  staging = path.join(root, "_site.staging");
  record = writtenPagesRecord(path.join(root, "cache"), outputDir);
  await writePage(LOCALIZATION, "<h1>Chery will assemble cars in Russia</h1>");
  await writePage(CRASH_TEST, "<h1>Tiggo 4 Pro gets five stars</h1>");
  await writePage(CHERY_PAGE_2, "<h1>Chery, page 2</h1>");
  await recordWrittenPages(record, outputDir, fingerprints);
});

describe("reuseUnchangedPages", () => {
  it("links every page whose fingerprint is unchanged into the staging folder", async () => {
    const written = await readWrittenPages(record, outputDir);
    const reused = reuseUnchangedPages(fingerprints, written, outputDir, staging);
    expect([...reused].sort()).toEqual([CRASH_TEST, LOCALIZATION, CHERY_PAGE_2].sort());
    const kept = path.join(staging, "companies/chery/page/2/index.html");
    expect(await readFile(kept, "utf8")).toBe("<h1>Chery, page 2</h1>");
    expect(statSync(kept).ino).toBe(
      statSync(path.join(outputDir, "companies/chery/page/2/index.html")).ino,
    );
  });

  it("leaves a page whose fingerprint changed to be written again", async () => {
    const written = await readWrittenPages(record, outputDir);
    const edited = new Map([...fingerprints, [LOCALIZATION, "print-localization-edited"]]);
    const reused = reuseUnchangedPages(edited, written, outputDir, staging);
    expect(reused.has(LOCALIZATION)).toBe(false);
    expect(
      statSync(path.join(staging, "articles/chery-localization-russia/index.html"), {
        throwIfNoEntry: false,
      }),
    ).toBeUndefined();
  });

  it("leaves a page to be written again when its file was written over since", async () => {
    const written = await readWrittenPages(record, outputDir);
    await writePage(CRASH_TEST, "<h1>Draft preview of the crash test</h1>");
    const reused = reuseUnchangedPages(fingerprints, written, outputDir, staging);
    expect(reused.has(CRASH_TEST)).toBe(false);
    expect(reused.has(LOCALIZATION)).toBe(true);
  });

  it("leaves a page to be written again when its file is gone", async () => {
    const written = await readWrittenPages(record, outputDir);
    const reused = reuseUnchangedPages(
      new Map([...fingerprints, ["/articles/new-article/", "print-new"]]),
      written,
      outputDir,
      staging,
    );
    expect(reused.has("/articles/new-article/")).toBe(false);
  });
});

describe("readWrittenPages", () => {
  it("reads nothing when no build has recorded its pages yet", async () => {
    const missing = writtenPagesRecord(path.join(root, "other-cache"), outputDir);
    expect((await readWrittenPages(missing, outputDir)).size).toBe(0);
  });

  it("reads nothing from a record of another output folder", async () => {
    expect((await readWrittenPages(record, path.join(root, "public"))).size).toBe(0);
  });

  it("reads nothing from a damaged record", async () => {
    await writeFile(record, '{"format": 1, "pages": {');
    expect((await readWrittenPages(record, outputDir)).size).toBe(0);
  });
});

describe("recordWrittenPages", () => {
  it("records only the fingerprinted pages that exist in the output", async () => {
    await recordWrittenPages(
      record,
      outputDir,
      new Map([...fingerprints, ["/articles/never-written/", "print"]]),
    );
    const written = await readWrittenPages(record, outputDir);
    expect([...written.keys()].sort()).toEqual([CRASH_TEST, LOCALIZATION, CHERY_PAGE_2].sort());
    expect(written.get(LOCALIZATION)?.fingerprint).toBe("print-localization");
  });

  it("records the article links of list pages for the next completeness check", async () => {
    const links = [LOCALIZATION, CRASH_TEST];
    await recordWrittenPages(record, outputDir, fingerprints, new Map([[CHERY_PAGE_2, links]]));
    const written = await readWrittenPages(record, outputDir);
    expect(written.get(CHERY_PAGE_2)?.listed).toEqual(links);
    expect(written.get(LOCALIZATION)?.listed).toBeUndefined();
  });
});
