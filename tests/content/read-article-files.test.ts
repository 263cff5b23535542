import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readArticleFiles } from "../../src/content/read-article-files.ts";
import { displayPath } from "../../src/project-paths.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let parent: string;
let contentDir: string;
beforeEach(async () => {
  parent = await temporaryFolder("read");
  contentDir = path.join(parent, "content");
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(contentDir, "articles", name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe("reading", () => {
  it("reads every Markdown file below articles/, in name order, with its base name", async () => {
    await write("2022/06/chery-localization.md", "---\ntitle: Chery\n---\n");
    await write("avtovaz-lada-vesta.md", "---\ntitle: Lada\n---\n");
    const { files } = await readArticleFiles(contentDir);
    expect(files.map((file) => [file.baseName, file.text])).toEqual([
      ["chery-localization", "---\ntitle: Chery\n---\n"],
      ["avtovaz-lada-vesta", "---\ntitle: Lada\n---\n"],
    ]);
  });

  it("ignores files that are not Markdown", async () => {
    await write("chery-localization.md", "---\ntitle: Chery\n---\n");
    await write("tiggo-4-pro.jpg", "JPEG");
    await write("notes.txt", "todo");
    const { files } = await readArticleFiles(contentDir);
    expect(files.map((file) => file.baseName)).toEqual(["chery-localization"]);
  });

  it("names each file by its absolute path when outside the working folder", async () => {
    const written = await write("chery-localization.md", "---\n---\n");
    const { files } = await readArticleFiles(contentDir);
    expect(files.map((file) => file.file)).toEqual([written]);
  });

  it("finds nothing, and no problem, when there is no articles folder", async () => {
    await rm(path.join(contentDir, "articles"), { recursive: true });
    expect(await readArticleFiles(contentDir)).toEqual({ files: [], diagnostics: [] });
  });
});

describe("files that cannot be trusted", () => {
  it("refuses a file that is not UTF-8", async () => {
    const file = await write(
      "moskvich.md",
      new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xcc, 0xee, 0xf1]),
    );
    expect(await readArticleFiles(contentDir)).toEqual({
      files: [],
      diagnostics: [
        {
          file,
          line: 1,
          column: 1,
          severity: "error",
          ruleId: "not-utf8",
          message: "the file is not UTF-8 text",
          fix: "save it as UTF-8 in your editor (File › Save with encoding › UTF-8)",
        },
      ],
    });
  });

  it("refuses a link to a file outside the content folder", async () => {
    const secret = path.join(parent, "secret.md");
    await writeFile(secret, "---\ntitle: not an article\n---\n");
    const link = path.join(contentDir, "articles", "chery-leak.md");
    await symlink(secret, link);
    expect(await readArticleFiles(contentDir)).toEqual({
      files: [],
      diagnostics: [
        {
          file: link,
          line: 1,
          column: 1,
          severity: "error",
          ruleId: "outside-content",
          message: "this file is a link to something outside the content folder",
          fix: "replace the link with the article file itself",
        },
      ],
    });
  });

  it("refuses every article of an articles folder that is a link outside the content folder", async () => {
    const elsewhere = path.join(parent, "elsewhere");
    await mkdir(path.join(elsewhere, "2022"), { recursive: true });
    await writeFile(path.join(elsewhere, "2022", "chery-leak.md"), "---\ntitle: Chery\n---\n");
    await rm(path.join(contentDir, "articles"), { recursive: true });
    await symlink(elsewhere, path.join(contentDir, "articles"));
    const { files, diagnostics } = await readArticleFiles(contentDir);
    expect(files).toEqual([]);
    expect(diagnostics.map((problem) => [problem.file, problem.ruleId])).toEqual([
      [path.join(contentDir, "articles", "2022", "chery-leak.md"), "outside-content"],
    ]);
  });

  it("does not read the articles of a folder linked from inside articles/", async () => {
    const elsewhere = path.join(parent, "elsewhere");
    await mkdir(elsewhere, { recursive: true });
    await writeFile(path.join(elsewhere, "chery-leak.md"), "---\ntitle: Chery\n---\n");
    await symlink(elsewhere, path.join(contentDir, "articles", "2022"));
    expect(await readArticleFiles(contentDir)).toEqual({ files: [], diagnostics: [] });
  });

  it("reads a link to another file inside the content folder", async () => {
    await write("chery-localization.md", "---\ntitle: Chery\n---\n");
    await symlink(
      path.join(contentDir, "articles", "chery-localization.md"),
      path.join(contentDir, "articles", "chery-localisation.md"),
    );
    const { files } = await readArticleFiles(contentDir);
    expect(files.map((file) => file.baseName)).toEqual([
      "chery-localisation",
      "chery-localization",
    ]);
  });
});

describe("display paths", () => {
  it("names a file inside the working folder relative to it, with forward slashes", () => {
    expect(displayPath(path.join(process.cwd(), "content", "articles", "chery.md"))).toBe(
      "content/articles/chery.md",
    );
  });

  it("names a file outside the working folder by its absolute path", () => {
    expect(displayPath("/srv/news/content/articles/chery.md")).toBe(
      "/srv/news/content/articles/chery.md",
    );
  });
});
