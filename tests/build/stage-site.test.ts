import { readdirSync, statSync } from "node:fs";
import { appendFile, mkdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { liveSite, stageSite } from "../../src/build/stage-site.ts";
import {
  identityOf,
  recordedVersions,
  recordVersion,
  type TreeFiles,
  versionRecords,
} from "../../src/output/site-tree.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let parent: string;
let outputDir: string;
let records: string;

beforeEach(async () => {
  parent = await temporaryFolder("stage");
  outputDir = path.join(parent, "_site");
  records = versionRecords(path.join(parent, ".cache"), outputDir);
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});
afterAll(removeContentFolders);

/** A version folder beside `_site` holding `index.html`, and its record unless told not to. */
async function version(name: string, html: string, recorded = true): Promise<TreeFiles> {
  const folder = path.join(parent, name);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "index.html"), html);
  const files: TreeFiles = new Map();
  const identity = identityOf(path.join(folder, "index.html"));
  if (identity) files.set("index.html", { ...identity, fingerprint: "print-home" });
  if (recorded) await recordVersion(records, name, files);
  return files;
}

describe("stageSite", () => {
  it("starts from an empty folder when the build keeps no records", async () => {
    const { staged, live } = await stageSite(outputDir, undefined, undefined);
    expect(readdirSync(staged.dir)).toEqual([]);
    expect(staged.fresh).toBe(staged.dir);
    expect(live).toBeUndefined();
  });

  it("takes the version the last build kept, and forgets its record before changing it", async () => {
    const held = await version("_site.v-1-1", "<h1>Chery, two builds ago</h1>");
    const liveFiles = await version("_site.v-2-1", "<h1>Chery, live</h1>");
    await symlink("_site.v-2-1", outputDir);

    const { staged, live } = await stageSite(
      outputDir,
      records,
      await liveSite(outputDir, records),
    );

    expect(await readFile(path.join(staged.dir, "index.html"), "utf8")).toBe(
      "<h1>Chery, two builds ago</h1>",
    );
    expect(staged.held).toEqual(held);
    expect(staged.fresh).not.toBe(staged.dir);
    expect(live).toEqual({ dir: path.join(parent, "_site.v-2-1"), files: liveFiles });
    expect(await recordedVersions(records)).toEqual(new Set(["_site.v-2-1"]));
    expect(readdirSync(parent).sort()).toEqual(
      [
        "_site",
        path.basename(staged.dir),
        path.basename(staged.fresh),
        "_site.v-2-1",
        ".cache",
      ].sort(),
    );
  });

  it("deletes a recorded version whose record cannot be read, and starts empty", async () => {
    await version("_site.v-1-1", "<h1>Chery, two builds ago</h1>", false);
    await mkdir(records, { recursive: true });
    await writeFile(path.join(records, "_site.v-1-1.json"), '{"format": 3, "files": {');
    await version("_site.v-2-1", "<h1>Chery, live</h1>");
    await symlink("_site.v-2-1", outputDir);

    const { staged } = await stageSite(outputDir, records, await liveSite(outputDir, records));

    expect(readdirSync(staged.dir)).toEqual([]);
    expect(readdirSync(parent)).not.toContain("_site.v-1-1");
    expect(await recordedVersions(records)).toEqual(new Set(["_site.v-2-1"]));
  });
});

describe("builds that take turns in two folders", () => {
  const build = (contentDir: string) =>
    buildSite({
      contentDir,
      outputDir,
      renderCacheFile: path.join(parent, ".cache", "rendered-bodies.jsonl"),
      pageRecordDir: path.join(parent, ".cache"),
    });
  const article = () => path.join(outputDir, "articles", "geely-monjaro-russia", "index.html");
  const versionsBeside = () => readdirSync(parent).filter((name) => name.startsWith("_site.v-"));

  it("keep an unchanged page as the very file the first build wrote, and the replaced site beside", async () => {
    const contentDir = await createContentFolder({
      articles: {
        "geely-monjaro-russia.md": articleText([
          "title: Geely brings the Monjaro to Russia",
          "date: 2022-09-01",
          "company: Geely",
        ]),
        "chery-tiggo-7-pro-kaliningrad.md": articleText([
          "title: Chery starts Tiggo 7 Pro assembly in Kaliningrad",
          "date: 2022-10-03",
          "company: Chery",
        ]),
      },
    });
    expect((await build(contentDir)).ok).toBe(true);
    const first = statSync(article()).ino;

    for (const round of [2, 3, 4]) {
      // Another article changes each time, so each build makes a new version.
      await appendFile(
        path.join(contentDir, "articles", "chery-tiggo-7-pro-kaliningrad.md"),
        `\nAssembly line ${round} started on Monday.\n`,
      );
      const result = await build(contentDir);
      expect(result.ok, `build ${round}`).toBe(true);
      expect(statSync(article()).ino, `build ${round}`).toBe(first);
      expect(versionsBeside(), `build ${round}`).toHaveLength(2);
    }
    const served = path.basename(await readlink(outputDir));
    expect(await recordedVersions(records)).toEqual(new Set(versionsBeside()));
    expect(versionsBeside()).toContain(served);
  });
});
