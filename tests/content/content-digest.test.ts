import { statSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  changedContentFiles,
  contentDigest,
  contentDigestKnowing,
  contentFileStates,
  statesDigest,
} from "../../src/content/content-digest.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

afterAll(removeContentFolders);

const LOCALIZATION = "chery-localization-russia.md";

async function newsroomContent(): Promise<string> {
  const folder = await createContentFolder({
    registry: { companies: "- name: Chery\n  aliases: [Чери]\n" },
    articles: {
      [LOCALIZATION]: articleText([
        "title: Chery makes localizing car assembly in Russia a top priority",
        "date: 2022-06-01",
        "company: Chery",
      ]),
    },
  });
  await mkdir(path.join(folder, "images"));
  await writeFile(path.join(folder, "images", "tiggo-4-pro.jpg"), Buffer.from([0xff, 0xd8, 1]));
  return folder;
}

const article = (folder: string) => path.join(folder, "articles", LOCALIZATION);

/** Edits an editor makes, and the files of the content folder each one changes. */
const EDITS = [
  {
    change: "a sentence added to an article",
    files: ["articles/chery-localization-russia.md"],
    edit: (folder: string) =>
      writeFile(article(folder), `${articleText(["title: Chery", "date: 2022-06-01"])}More.\n`),
  },
  {
    change: "an article added",
    files: ["articles/geely-monjaro.md"],
    edit: (folder: string) =>
      writeFile(
        path.join(folder, "articles", "geely-monjaro.md"),
        articleText(["title: Geely brings the Monjaro", "date: 2022-09-01"]),
      ),
  },
  {
    change: "an article deleted",
    files: ["articles/chery-localization-russia.md"],
    edit: (folder: string) => rm(article(folder)),
  },
  {
    change: "an article renamed (its address follows its name)",
    files: ["articles/chery-localization-russia.md", "articles/chery-russia.md"],
    edit: (folder: string) =>
      rename(article(folder), path.join(folder, "articles", "chery-russia.md")),
  },
  {
    change: "a registry entry changed",
    files: ["registry/companies.yaml"],
    edit: (folder: string) =>
      writeFile(path.join(folder, "registry", "companies.yaml"), "- name: Chery\n"),
  },
  {
    change: "a setting changed",
    files: ["site.yaml"],
    edit: (folder: string) => writeFile(path.join(folder, "site.yaml"), "title: Car News\n"),
  },
  {
    change: "a picture's bytes changed",
    files: ["images/tiggo-4-pro.jpg"],
    edit: (folder: string) =>
      writeFile(path.join(folder, "images", "tiggo-4-pro.jpg"), Buffer.from([0xff, 0xd8, 2])),
  },
  {
    change: "a link added",
    files: ["articles/lead.jpg"],
    edit: (folder: string) =>
      symlink("../images/tiggo-4-pro.jpg", path.join(folder, "articles", "lead.jpg")),
  },
];

describe("the digest of a content folder", () => {
  it("is the same for two folders that hold the same files", async () => {
    const folder = await newsroomContent();
    const copy = path.join(await temporaryFolder("content-copy"), "content");
    await cp(folder, copy, { recursive: true });
    expect(contentDigest(copy)).toBe(contentDigest(folder));
  });

  it("is the same when read again with nothing changed", async () => {
    const folder = await newsroomContent();
    expect(contentDigest(folder)).toBe(contentDigest(folder));
  });

  it.each(EDITS)("changes with $change", async ({ edit }) => {
    const folder = await newsroomContent();
    const before = contentDigest(folder);
    await edit(folder);
    expect(contentDigest(folder)).not.toBe(before);
  });

  it("changes when a link leads elsewhere, even to the same bytes", async () => {
    const folder = await newsroomContent();
    const outside = path.join(await temporaryFolder("outside-content"), "tiggo-4-pro.jpg");
    await cp(path.join(folder, "images", "tiggo-4-pro.jpg"), outside);
    const link = path.join(folder, "articles", "lead.jpg");
    await symlink("../images/tiggo-4-pro.jpg", link);
    const inside = contentDigest(folder);
    await rm(link);
    await symlink(outside, link);
    expect(contentDigest(folder)).not.toBe(inside);
  });
});

describe("the files changed between two looks at a content folder", () => {
  it("are none when nothing changed", async () => {
    const folder = await newsroomContent();
    expect(changedContentFiles(contentFileStates(folder), contentFileStates(folder))).toEqual([]);
  });

  it.each(EDITS)("are named after $change", async ({ edit, files }) => {
    const folder = await newsroomContent();
    const before = contentFileStates(folder);
    await edit(folder);
    expect(changedContentFiles(before, contentFileStates(folder))).toEqual(files);
  });
});

/** Long enough for the file system's clock to tick between a file's writing and a look. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the digest of a content folder's file states", () => {
  it("is the digest of the states the content digest saw", async () => {
    const folder = await newsroomContent();
    const { states } = contentDigestKnowing(folder, new Map(), Date.now());
    expect(statesDigest(states)).toBe(statesDigest(contentFileStates(folder)));
  });

  it.each(EDITS)("changes after $change", async ({ edit }) => {
    const folder = await newsroomContent();
    const before = statesDigest(contentFileStates(folder));
    await settle();
    await edit(folder);
    expect(statesDigest(contentFileStates(folder))).not.toBe(before);
  });

  it("changes when a file is written back as it was", async () => {
    const folder = await newsroomContent();
    const before = statesDigest(contentFileStates(folder));
    await settle();
    await writeFile(path.join(folder, "site.yaml"), await readFile(path.join(folder, "site.yaml")));
    expect(statesDigest(contentFileStates(folder))).not.toBe(before);
  });
});

describe("the digest of a content folder, knowing the last look", () => {
  it.each(EDITS)("is the digest of every file read after $change", async ({ edit }) => {
    const folder = await newsroomContent();
    await settle();
    const before = contentDigestKnowing(folder, new Map(), Date.now());
    await edit(folder);
    const after = contentDigestKnowing(folder, before.files, Date.now());
    expect(after.digest).toBe(contentDigest(folder));
    expect(after.digest).not.toBe(before.digest);
  });

  it("takes an unchanged file's digest from the last look instead of reading it", async () => {
    const folder = await newsroomContent();
    await settle();
    const { files } = contentDigestKnowing(folder, new Map(), Date.now());
    const site = files.get("site.yaml");
    if (!site) throw new Error("site.yaml was not kept");
    const told = new Map(files).set("site.yaml", { ...site, digest: "what the last look read" });
    expect(contentDigestKnowing(folder, told, Date.now()).digest).not.toBe(contentDigest(folder));
  });

  it("keeps nothing of a file changed at or after the moment given as settled", async () => {
    const folder = await newsroomContent();
    await settle();
    const settings = path.join(folder, "site.yaml");
    await writeFile(settings, "title: Car News\n");
    const { files } = contentDigestKnowing(folder, new Map(), statSync(settings).ctimeMs);
    expect(files.has("site.yaml")).toBe(false);
    expect(files.has(`articles/${LOCALIZATION}`)).toBe(true);
  });

  it("reads a link every time: its own state says nothing of what it leads to", async () => {
    const folder = await newsroomContent();
    await symlink("../images/tiggo-4-pro.jpg", path.join(folder, "articles", "lead.jpg"));
    await settle();
    const { files } = contentDigestKnowing(folder, new Map(), Date.now());
    expect(files.has("articles/lead.jpg")).toBe(false);
  });
});
