import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kindOf, outputBreakdown, outputSize } from "../../bench/output-size.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

describe("the kind of a built file", () => {
  it.each([
    ["articles/chery-tula/index.html", "article page"],
    ["companies/chery/index.html", "term first page"],
    ["models/chery-tiggo-4-pro/page/2/index.html", "term later page"],
    ["partners/uaz/feed.json", "term feed"],
    ["companies/index.html", "directory page"],
    ["models/by-count/index.html", "directory page"],
    ["partners/page/2/index.html", "directory page"],
    ["sources/tass/index.html", "other"],
    ["sitemap.xml", "other"],
  ])("takes %s for a(n) %s", (file, kind) => {
    expect(kindOf(file)).toBe(kind);
  });
});

describe("the size of a built site", () => {
  const folders: string[] = [];

  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  async function siteOf(files: Record<string, string>): Promise<string> {
    const folder = await temporaryFolder("output-size");
    folders.push(folder);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
      await writeFile(path.join(folder, name), text);
    }
    return folder;
  }

  it("adds up the bytes of its files by section and by kind", async () => {
    const folder = await siteOf({
      "articles/a/index.html": "aaaa",
      "articles/b/index.html": "bb",
      "companies/chery/index.html": "ccc",
      "sitemap.xml": "s",
    });
    const { total, sections, kinds } = await outputBreakdown(folder);
    expect(total).toEqual({ files: 4, bytes: 10 });
    expect(Object.fromEntries(sections)).toEqual({
      articles: { files: 2, bytes: 6 },
      companies: { files: 1, bytes: 3 },
      "sitemap.xml": { files: 1, bytes: 1 },
    });
    expect(Object.fromEntries(kinds)).toEqual({
      "article page": { files: 2, bytes: 6 },
      "term first page": { files: 1, bytes: 3 },
      other: { files: 1, bytes: 1 },
    });
  });

  it("gives the bench its total", async () => {
    const folder = await siteOf({ "index.html": "home", "assets/site.css": "css" });
    expect(await outputSize(folder)).toEqual({ files: 2, bytes: 7 });
  });
});
