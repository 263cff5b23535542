import { execFile } from "node:child_process";
import { appendFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteHere } from "../../src/build/build-site.ts";
import { liveSite } from "../../src/build/stage-site.ts";
import { contentFileStates, statesDigest } from "../../src/content/content-digest.ts";
import { frontMatterCacheBeside } from "../../src/content/front-matter-cache-file.ts";
import { versionRecords } from "../../src/output/site-tree.ts";
import { copyFixture, temporaryFolder } from "../support/build-fixture.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

let content: string;
let output: string;
let cache: string;

beforeAll(async () => {
  content = await copyFixture(CORPUS);
  const root = await temporaryFolder("build-command");
  output = path.join(root, "_site");
  cache = path.join(root, "cache", "rendered-bodies.jsonl");
});

afterAll(async () => {
  await rm(path.dirname(output), { recursive: true, force: true });
});

/** `npm run build` as editors and the deploy run it, on the fixture's copy; its first line. */
function runBuild(extra: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/build.ts",
        "--content",
        content,
        "--output",
        output,
        "--cache",
        cache,
        ...extra,
      ],
      { cwd: PROJECT_ROOT },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout.trim())),
    );
  });
}

describe("npm run build", () => {
  it("builds a site from nothing", async () => {
    expect(await runBuild()).toMatch(/^Built \d+ pages into .*_site\/ in [\d.]+ s\.$/);
  }, 60_000);

  it("says nothing had changed when it is run again on the same content", async () => {
    expect(await runBuild()).toMatch(/^Nothing had changed: kept all \d+ pages of /);
  }, 60_000);

  it("writes the pages of an edited article and keeps the others", async () => {
    await appendFile(
      path.join(content, "articles", "chery-localization-russia.md"),
      "\nChery confirmed the talks with UAZ on Friday.\n",
    );
    expect(await runBuild()).toMatch(/^Built \d+ pages \(and kept \d+ unchanged\) into /);
    expect(await runBuild()).toMatch(/^Nothing had changed: /);
  }, 60_000);

  it("records the inputs digest it is handed by the process that ran it again", async () => {
    const states = statesDigest(contentFileStates(content));
    await runBuild(["--inputs", "digest-of-the-first-process", "--states", states]);
    const records = versionRecords(path.dirname(cache), output);
    expect((await liveSite(output, records))?.inputs?.digest).toBe("digest-of-the-first-process");
    const checked = await buildSiteHere(
      {
        contentDir: content,
        outputDir: output,
        pageRecordDir: path.dirname(cache),
        frontMatterCacheFile: frontMatterCacheBeside(cache),
      },
      () => false,
    );
    expect(checked).toHaveProperty("change");
  }, 60_000);
});
