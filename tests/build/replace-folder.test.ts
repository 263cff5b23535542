import { execFileSync } from "node:child_process";
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recoverSite, removeLeftovers, replaceFolder } from "../../src/build/replace-folder.ts";
import { endedProcessId } from "../support/processes.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let parent: string;
let target: string;
beforeEach(async () => {
  parent = await temporaryFolder("replace");
  target = path.join(parent, "_site");
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

const homePage = () => readFile(path.join(target, "index.html"), "utf8");

/** The names beside `_site`, with the one version folder it links to written `_site.v-*`. */
async function namesBeside(): Promise<string[]> {
  return (await readdir(parent)).map((name) => name.replace(/^_site\.v-\d+-\d+$/, "_site.v-*"));
}

describe("replacing a published site", () => {
  it("puts the new site in place of the old one", async () => {
    await replaceFolder(
      await siteWith(".staging", { "articles/chery-old/index.html": "<h1>Chery, old</h1>" }),
      target,
    );
    const staged = await siteWith(".staging", {
      "articles/chery-new/index.html": "<h1>Chery, new</h1>",
    });
    await replaceFolder(staged, target);
    expect(await readdir(path.join(target, "articles"))).toEqual(["chery-new"]);
  });

  it("leaves only the link and the version it points to", async () => {
    await replaceFolder(await siteWith(".staging", { "index.html": "old" }), target);
    await replaceFolder(await siteWith(".staging", { "index.html": "new" }), target);
    expect(await namesBeside()).toEqual(["_site", "_site.v-*"]);
    expect((await lstat(target)).isSymbolicLink()).toBe(true);
    expect(await readlink(target)).toMatch(/^_site\.v-\d+-\d+$/);
  });

  it("names each version anew when two are published within one millisecond", async () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(1_796_670_000_000);
    try {
      await replaceFolder(await siteWith(".staging", { "index.html": "old" }), target, {
        keepPrevious: true,
      });
      await replaceFolder(await siteWith(".staging", { "index.html": "new" }), target);
    } finally {
      now.mockRestore();
    }
    expect(await homePage()).toBe("new");
    expect(await namesBeside()).toEqual(["_site", "_site.v-*"]);
  });

  it("moves the new site in when nothing was published before", async () => {
    const staged = await siteWith(".staging", { "index.html": "<h1>Auto Industry Digest</h1>" });
    await replaceFolder(staged, target);
    expect(await homePage()).toBe("<h1>Auto Industry Digest</h1>");
  });

  it("replaces a real _site folder of an earlier version and deletes it", async () => {
    await siteWith("_site", { "index.html": "<h1>Haval, published by the old builder</h1>" });
    await replaceFolder(await siteWith(".staging", { "index.html": "<h1>Haval</h1>" }), target);
    expect(await homePage()).toBe("<h1>Haval</h1>");
    expect(await namesBeside()).toEqual(["_site", "_site.v-*"]);
  });

  it.each([
    ["a link to an earlier version", true],
    ["a real folder of an earlier builder", false],
  ])(
    "keeps the old site in place when the new one cannot be moved in over %s",
    async (_, linked) => {
      if (linked) await replaceFolder(await siteWith(".staging", { "index.html": "old" }), target);
      else await siteWith("_site", { "index.html": "old" });
      const before = await namesBeside();
      await expect(replaceFolder(path.join(parent, "no-such-staging"), target)).rejects.toThrow(
        /ENOENT/,
      );
      expect(await homePage()).toBe("old");
      expect(await namesBeside()).toEqual(before);
    },
  );

  it("publishes files that upload-pages-artifact's tar archives as plain files", async () => {
    await replaceFolder(
      await siteWith(".staging", { "index.html": "<h1>UAZ</h1>", "articles/uaz/index.html": "u" }),
      target,
    );
    // The very flags the Pages action passes, on `path: _site/`.
    const listing = execFileSync(
      "sh",
      ["-c", 'tar --dereference --hard-dereference --directory "$0/" -cf - . | tar -tvf -', target],
      { encoding: "utf8" },
    );
    const entries = listing.trim().split("\n");
    expect(entries.map((line) => line.split(/\s+/).at(-1)).sort()).toEqual([
      "./",
      "./articles/",
      "./articles/uaz/",
      "./articles/uaz/index.html",
      "./index.html",
    ]);
    expect(entries.filter((line) => !/^[-d]/.test(line))).toEqual([]);
  });
});

/*
 * A build killed during the swap: each case leaves the folders as the swap's steps, run one
 * by one, leave them at that point, with the id of a process that is gone. The next build
 * recovers the site and deletes the rest.
 */
describe("after a build killed while putting its site in place", () => {
  const OLD = "<h1>Chery, last good site</h1>";
  const NEW = "<h1>Chery, new site</h1>";
  let dead: number;
  beforeEach(() => {
    dead = endedProcessId();
  });

  async function published(html: string): Promise<void> {
    await replaceFolder(await siteWith(".staging", { "index.html": html }), target);
  }

  it.each([
    {
      when: "while it wrote its staging folder",
      serves: OLD,
      killed: async () => {
        await published(OLD);
        await siteWith(`_site.staging-${dead}`, { "index.html": "<h1>half" });
      },
    },
    {
      when: "while it indexed search without a search cache",
      serves: OLD,
      killed: async () => {
        await published(OLD);
        await siteWith(`_site.search-${dead}`, { "0/pagefind-entry.json": "{}" });
      },
    },
    {
      when: "after naming its checked site as a version",
      serves: OLD,
      killed: async () => {
        await published(OLD);
        await siteWith(`_site.v-${Date.now() + 1}-${dead}`, { "index.html": NEW });
      },
    },
    {
      when: "after making the new link, before flipping it",
      serves: OLD,
      killed: async () => {
        await published(OLD);
        const version = `_site.v-${Date.now() + 1}-${dead}`;
        await siteWith(version, { "index.html": NEW });
        await symlink(version, path.join(parent, `_site.link-${dead}`));
      },
    },
    {
      when: "after flipping the link, before deleting the old version",
      serves: NEW,
      killed: async () => {
        await published(OLD);
        const old = await readlink(target);
        const version = `_site.v-${Date.now() + 1}-${dead}`;
        await siteWith(version, { "index.html": NEW });
        await symlink(version, path.join(parent, `_site.link-${dead}`));
        await rename(path.join(parent, `_site.link-${dead}`), target);
        expect(await readdir(parent)).toContain(old);
      },
    },
    {
      when: "after moving a real _site folder aside, before linking the new version",
      serves: NEW,
      killed: async () => {
        await siteWith(`_site.old-${dead}`, { "index.html": OLD });
        await siteWith(`_site.v-${Date.now()}-${dead}`, { "index.html": NEW });
      },
    },
    {
      when: "by an earlier builder between its two renames",
      serves: OLD,
      killed: async () => {
        await siteWith(`_site.old-${dead}`, { "index.html": OLD });
        await siteWith(`_site.staging-${dead}`, { "index.html": NEW });
      },
    },
  ])(
    "$when, _site serves a complete site and the next build clears the rest",
    async ({ killed, serves }) => {
      await killed();

      await recoverSite(target);
      expect(await homePage()).toBe(serves);
      await removeLeftovers(target);

      expect(await homePage()).toBe(serves);
      expect((await readdir(parent)).filter((name) => name !== "_site")).toEqual([
        path.basename(path.resolve(parent, await readlink(target))),
      ]);
    },
  );

  it("keeps the folders of a build that is still running", async () => {
    await published(OLD);
    // The test runner's parent process is alive for as long as this test runs.
    const running = process.ppid;
    await siteWith(`_site.staging-${running}`, { "index.html": "<h1>being written" });

    await removeLeftovers(target);

    expect(await namesBeside()).toEqual(["_site", `_site.staging-${running}`, "_site.v-*"]);
  });

  it("leaves a published site alone when nothing was interrupted", async () => {
    await published(OLD);
    const before = await readlink(target);

    expect(await recoverSite(target)).toBeUndefined();
    expect(await removeLeftovers(target)).toEqual([]);
    expect(await readlink(target)).toBe(before);
  });
});
