import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createContentFolder, removeContentFolders } from "../support/content-folder.ts";

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

afterEach(removeContentFolders);

/** Runs `npm run new` as a script would: no terminal on standard input. */
async function newArticle(args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/new-article.ts", ...args], {
      cwd: PROJECT_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run new", () => {
  it("writes the article into the content folder it is given and prints its path", async () => {
    const contentDir = await createContentFolder({});

    const result = await newArticle([
      "Chery starts Tiggo 4 Pro assembly",
      "--company",
      "Chery",
      "--model",
      "Tiggo 4 Pro",
      "--partner",
      "UAZ",
      "--content",
      contentDir,
    ]);

    const file = path.join(contentDir, "articles", "chery-starts-tiggo-4-pro-assembly.md");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(file);
    expect(await readFile(file, "utf8")).toContain("title: Chery starts Tiggo 4 Pro assembly\n");
  });

  it("exits with 1 and the usage when there is no title and no terminal to ask in", async () => {
    const contentDir = await createContentFolder({});

    const result = await newArticle(["--company", "Chery", "--content", contentDir]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: npm run new -- "<title>"');
  });
});
