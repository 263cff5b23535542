import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { appendFile, readFile, readlink, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, buildSite } from "../../src/build/build-site.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import { copyFixture, expectSameFiles, temporaryFolder } from "../support/build-fixture.ts";
import { rewrite } from "../support/rewrite-file.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

// One content folder and one live output go through a sequence of editors' changes. After
// each change, the build that reuses unchanged pages, in small passes, must write exactly
// what a build from nothing, in one pass, writes.

let content: string;
let root: string;
let liveOutput: string;
let recordDir: string;
/** The moment every build of this file takes for now: the day decides what is scheduled. */
let now = new Date();

/**
 * The live site's builds keep pages and write in several passes, as on a large site: each
 * list and the single pages span passes. Fresh builds write everything in one pass.
 */
async function build(outputDir: string, pageRecordDir?: string): Promise<BuildResult> {
  const result = await buildSite({
    contentDir: content,
    outputDir,
    now,
    ...(pageRecordDir ? { pageRecordDir, pagesPerPass: 7 } : {}),
  });
  if (!result.ok) throw new Error(`the build failed:\n${formatReport(result.diagnostics)}`);
  return result;
}

/** The live site after an incremental build, compared with a fresh build of the same content. */
async function expectSameAsFreshBuild(): Promise<void> {
  const fresh = path.join(root, `fresh-${Date.now()}`);
  await build(fresh);
  expectSameFiles(liveOutput, fresh);
  await rm(fresh, { recursive: true, force: true });
}

const article = (name: string) => path.join(content, "articles", `${name}.md`);
const pageOf = (url: string) => readFile(path.join(liveOutput, url, "index.html"), "utf8");

beforeAll(async () => {
  content = await copyFixture(CORPUS);
  root = await temporaryFolder("incremental");
  liveOutput = path.join(root, "_site");
  recordDir = path.join(root, "cache");
  await build(liveOutput, recordDir);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a build after a change, keeping the unchanged pages of the previous build", () => {
  it("keeps every page, the single pages too, and runs no Eleventy pass when nothing changed", async () => {
    const result = await build(liveOutput, recordDir);
    expect(result.reusedCount).toBeGreaterThan(40);
    expect(result.pageCount).toBe(0);
    await expectSameAsFreshBuild();
  }, 60_000);

  it("leaves the live site as it is, the same version and files, when nothing changed", async () => {
    const before = await build(liveOutput, recordDir);
    const version = await readlink(liveOutput);
    const page = statSync(path.join(liveOutput, "index.html")).ino;
    const again = await build(liveOutput, recordDir);
    expect(await readlink(liveOutput)).toBe(version);
    expect(statSync(path.join(liveOutput, "index.html")).ino).toBe(page);
    expect(again.pageCount).toBe(0);
    expect(again.reusedCount).toBe(before.reusedCount);
    expect(again.diagnostics).toEqual(before.diagnostics);
  }, 60_000);

  it("writes an edited article's page again and keeps the others", async () => {
    await appendFile(
      article("chery-localization-russia"),
      "\nChery confirmed the talks with UAZ on Friday.\n",
    );
    const result = await build(liveOutput, recordDir);
    expect(result.reusedCount).toBeGreaterThan(40);
    expect(await pageOf("articles/chery-localization-russia")).toContain(
      "Chery confirmed the talks with UAZ on Friday.",
    );
    await expectSameAsFreshBuild();
  }, 60_000);

  it("writes again the pages that show an article whose title changed", async () => {
    const file = article("chery-tiggo-4-pro-crash-test");
    await rewrite(file, (text) =>
      text.replace(/^title: .*$/m, 'title: "Tiggo 4 Pro earns five stars in a crash test"'),
    );
    await build(liveOutput, recordDir);
    expect(await pageOf("models/chery-tiggo-4-pro")).toContain(
      "Tiggo 4 Pro earns five stars in a crash test",
    );
    await expectSameAsFreshBuild();
  }, 60_000);

  it("writes again the pages a changed registry entry shows on", async () => {
    const registry = path.join(content, "registry", "companies.yaml");
    await rewrite(registry, (text) =>
      text.replace(
        /description: Chinese carmaker from Wuhu[^\n]*/,
        "description: Chinese carmaker from Wuhu, assembling cars in Kaliningrad.",
      ),
    );
    await build(liveOutput, recordDir);
    expect(await pageOf("companies/chery")).toContain("assembling cars in Kaliningrad");
    await expectSameAsFreshBuild();
  }, 60_000);

  it("moves an article whose date changed to its new place in the lists and archives", async () => {
    const file = article("chery-q1-sales-record");
    await rewrite(file, (text) => text.replace(/^date: .*$/m, "date: 2023-01-16"));
    await build(liveOutput, recordDir);
    expect(await pageOf("articles/chery-q1-sales-record")).toContain('datetime="2023-01-16"');
    await expectSameAsFreshBuild();
  }, 60_000);

  it("writes again the term pages an article joins or leaves when its terms change", async () => {
    const file = article("chery-q1-sales-record");
    await rewrite(file, (text) =>
      text
        .replace(/^models: .*$/m, "models: [Tiggo 7 Pro]")
        .replace(/^summary:/m, "partners: [UAZ]\nsummary:"),
    );
    await build(liveOutput, recordDir);
    expect(await pageOf("partners/uaz")).toContain("Chery sets a first-quarter sales record");
    await expectSameAsFreshBuild();
  }, 60_000);

  it("moves a renamed article to its new address and removes the old one", async () => {
    await rename(article("geely-belgee-output"), article("geely-belgee-doubles-output"));
    await build(liveOutput, recordDir);
    await expect(pageOf("articles/geely-belgee-output")).rejects.toThrow();
    expect(await pageOf("articles/geely-belgee-doubles-output")).toContain(
      "Belgee doubles Geely output for Russia",
    );
    await expectSameAsFreshBuild();
  }, 60_000);

  it("removes the page of a deleted article", async () => {
    await rm(article("chery-warranty-seven-years"));
    await build(liveOutput, recordDir);
    await expect(pageOf("articles/chery-warranty-seven-years")).rejects.toThrow();
    await expectSameAsFreshBuild();
  }, 60_000);

  it("writes again a page someone wrote over in the published folder", async () => {
    const file = path.join(liveOutput, "articles", "geely-coolray-recall", "index.html");
    await writeFile(file, "<p>Preview with drafts</p>");
    await build(liveOutput, recordDir);
    expect(await pageOf("articles/geely-coolray-recall")).not.toContain("Preview with drafts");
    await expectSameAsFreshBuild();
  }, 60_000);

  it("keeps the pages of a site restored with its records from a CI cache archive", async () => {
    // What actions/cache does between two deploys: tar keeps sizes, times and hard links,
    // and gives every file a new inode.
    const saved = [
      "_site",
      "cache",
      ...readdirSync(root).filter((name) => name.startsWith("_site.v-")),
    ];
    const archive = path.join(root, "cache.tar");
    execFileSync("tar", ["--posix", "-cf", archive, "-C", root, ...saved]);
    for (const name of saved) await rm(path.join(root, name), { recursive: true, force: true });
    execFileSync("tar", ["-xf", archive, "-C", root]);
    await rm(archive);
    await appendFile(article("chery-exeed-brand-launch"), "\nExeed dealers open in May.\n");
    const result = await build(liveOutput, recordDir);
    expect(result.reusedCount).toBeGreaterThan(40);
    expect(await pageOf("articles/chery-exeed-brand-launch")).toContain(
      "Exeed dealers open in May.",
    );
    await expectSameAsFreshBuild();
  }, 60_000);

  it("succeeds when the record of written pages cannot be kept, and keeps nothing next time", async () => {
    const notAFolder = path.join(root, "cache-is-a-file");
    await writeFile(notAFolder, "");
    const output = path.join(root, "_site-without-record");
    const first = await build(output, notAFolder);
    expect(first.ok).toBe(true);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toContain("<!DOCTYPE html>");
    expect((await build(output, notAFolder)).reusedCount).toBe(0);
    await rm(output, { recursive: true, force: true });
  }, 60_000);

  it("writes every page again when a setting every page shows changes", async () => {
    const settings = path.join(content, "site.yaml");
    await rewrite(settings, (text) => text.replace(/^title: .*$/m, "title: Car Industry Weekly"));
    const result = await build(liveOutput, recordDir);
    expect(result.reusedCount).toBe(0);
    await expectSameAsFreshBuild();
  }, 60_000);

  it("publishes a scheduled article on its day, with nothing else changed", async () => {
    const realNow = now;
    try {
      await writeFile(
        article("haval-tula-second-shift"),
        [
          "---",
          "title: Haval adds a second shift at its Tula plant",
          "date: 2031-03-02",
          "company: Haval",
          "---",
          "",
          "Haval will run its Tula plant in two shifts from March.",
          "",
        ].join("\n"),
      );
      now = new Date("2031-03-01T12:00:00Z");
      await build(liveOutput, recordDir);
      await expect(pageOf("articles/haval-tula-second-shift")).rejects.toThrow();
      now = new Date("2031-03-02T12:00:00Z");
      const published = await build(liveOutput, recordDir);
      expect(published.pageCount).toBeGreaterThan(0);
      expect(await pageOf("articles/haval-tula-second-shift")).toContain(
        "Haval will run its Tula plant in two shifts from March.",
      );
      await expectSameAsFreshBuild();
    } finally {
      now = realNow;
    }
  }, 60_000);
});
