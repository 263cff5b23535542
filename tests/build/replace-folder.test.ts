import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceFolder } from "../../src/build/replace-folder.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let parent: string;
beforeEach(async () => {
  parent = await temporaryFolder("replace");
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function siteWith(name: string, pages: Record<string, string>): Promise<string> {
  const folder = path.join(parent, name);
  for (const [page, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(folder, page)), { recursive: true });
    await writeFile(path.join(folder, page), html);
  }
  return folder;
}

describe("replacing a published site", () => {
  it("puts the new site in place of the old one", async () => {
    await siteWith("_site", { "articles/chery-old/index.html": "<h1>Chery, old</h1>" });
    const staged = await siteWith(".staging", {
      "articles/chery-new/index.html": "<h1>Chery, new</h1>",
    });
    await replaceFolder(staged, path.join(parent, "_site"));
    expect(await readdir(path.join(parent, "_site", "articles"))).toEqual(["chery-new"]);
  });

  it("leaves no staging or retired folder behind", async () => {
    await siteWith("_site", { "index.html": "old" });
    const staged = await siteWith(".staging", { "index.html": "new" });
    await replaceFolder(staged, path.join(parent, "_site"));
    expect(await readdir(parent)).toEqual(["_site"]);
  });
});

it("moves the new site in when nothing was published before", async () => {
  const staged = await siteWith(".staging", { "index.html": "<h1>Auto Industry Digest</h1>" });
  await replaceFolder(staged, path.join(parent, "_site"));
  expect(await readFile(path.join(parent, "_site", "index.html"), "utf8")).toBe(
    "<h1>Auto Industry Digest</h1>",
  );
});

it("keeps the old site in place when the new one cannot be moved in", async () => {
  await siteWith("_site", { "index.html": "<h1>Old digest</h1>" });
  await expect(
    replaceFolder(path.join(parent, "no-such-staging"), path.join(parent, "_site")),
  ).rejects.toThrow(/ENOENT/);
  expect(await readFile(path.join(parent, "_site", "index.html"), "utf8")).toBe(
    "<h1>Old digest</h1>",
  );
});
