import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { temporaryFolder } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";

const GOOD_ARTICLE = articleText([
  "title: Chery opens a plant",
  "date: 2022-06-01",
  "company: Chery",
]);

/** Every file below `folder` with the SHA-256 of its bytes, by relative path. */
async function hashTree(folder: string): Promise<Record<string, string>> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of names.filter((name) => name.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(folder, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return hashes;
}

let parent: string;
let contentDir: string;
let outputDir: string;
let published: Record<string, string>;

beforeEach(async () => {
  parent = await temporaryFolder("atomic");
  contentDir = path.join(parent, "content");
  outputDir = path.join(parent, "_site");
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await writeFile(path.join(contentDir, "site.yaml"), siteYaml());
  await writeFile(path.join(contentDir, "articles", "chery-plant.md"), GOOD_ARTICLE);
  const first = await buildSite({ contentDir, outputDir });
  if (!first.ok) throw new Error("The first build of the atomic-output fixture failed");
  published = await hashTree(outputDir);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(parent, { recursive: true, force: true });
});

describe("a build that fails", () => {
  it("on a broken article leaves the published site byte for byte as it was", async () => {
    await writeFile(path.join(contentDir, "articles", "chery-plant.md"), "---\ntitle: [\n---\n");

    const second = await buildSite({ contentDir, outputDir });

    expect(second.ok).toBe(false);
    expect(await hashTree(outputDir)).toEqual(published);
  });

  it("inside Eleventy leaves the published site as it was and no staging folder behind", async () => {
    const staging = `${outputDir}.staging-${process.pid}`;
    vi.spyOn(Eleventy.prototype, "write").mockImplementationOnce(async () => {
      // Fail halfway, as a template error would: some pages are already written.
      await mkdir(path.join(staging, "articles"), { recursive: true });
      await writeFile(path.join(staging, "index.html"), "half a site");
      throw new Error("a template failed to render");
    });

    await expect(buildSite({ contentDir, outputDir })).rejects.toThrow("a template failed");

    expect(await hashTree(outputDir)).toEqual(published);
    expect(await readdir(parent)).toEqual(["_site", "content"]);
  });

  it("on an incomplete site leaves the published site as it was, naming the article", async () => {
    const staging = `${outputDir}.staging-${process.pid}`;
    const write = Eleventy.prototype.write;
    vi.spyOn(Eleventy.prototype, "write").mockImplementationOnce(async function (this: Eleventy) {
      const written = await write.call(this);
      await rm(path.join(staging, "articles", "chery-plant"), { recursive: true });
      return written;
    });

    const second = await buildSite({ contentDir, outputDir });

    expect(second.ok).toBe(false);
    expect(second.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: "incomplete-build",
        file: expect.stringMatching(/articles\/chery-plant\.md$/),
        message: "the build wrote no page at /articles/chery-plant/",
      }),
    );
    expect(await hashTree(outputDir)).toEqual(published);
    expect(await readdir(parent)).toEqual(["_site", "content"]);
  });
});
