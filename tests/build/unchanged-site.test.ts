import { appendFile, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInputsDigest } from "../../src/build/build-inputs.ts";
import { type BuildOptions, buildSite, unchangedSite } from "../../src/build/build-site.ts";
import { builderVersion } from "../../src/output/builder-version.ts";
import { versionRecords } from "../../src/output/site-tree.ts";
import { PROJECT_ROOT } from "../../src/project-paths.ts";
import { copyFixture, temporaryFolder } from "../support/build-fixture.ts";

// A command asks first whether anything changed, and hands what it learnt to the build that
// follows, which may run in a process of its own (with a heap sized to the site).

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const NOW = new Date("2024-06-01T12:00:00Z");

let content: string;
let root: string;
let options: BuildOptions;

beforeAll(async () => {
  content = await copyFixture(CORPUS);
  // Files changed in the last two seconds are read again by every build: these are not.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  root = await temporaryFolder("unchanged");
  options = {
    contentDir: content,
    outputDir: path.join(root, "_site"),
    pageRecordDir: path.join(root, "cache"),
    now: NOW,
  };
  await buildSite(options);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const inputsNow = async () =>
  buildInputsDigest({ contentDir: content, builder: await builderVersion(PROJECT_ROOT), now: NOW });

describe("asking whether a site is unchanged", () => {
  it("answers what the live site's build told, making nothing, when nothing changed", async () => {
    const checked = await unchangedSite(options);
    expect(checked).toEqual({
      result: {
        ok: true,
        diagnostics: expect.any(Array),
        pageCount: 0,
        reusedCount: expect.any(Number),
      },
    });
    expect("result" in checked && checked.result.reusedCount).toBeGreaterThan(40);
  }, 60_000);

  it("keeps what it learnt of each content file beside the records, for the next build", async () => {
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    const known = JSON.parse(await readFile(path.join(records, "content-files.json"), "utf8"));
    expect(Object.keys(known.files)).toContain("articles/chery-localization-russia.md");
  });

  it("gives the digest of the inputs, as reading every file gives it, once an article changed", async () => {
    await appendFile(
      path.join(content, "articles", "chery-localization-russia.md"),
      "\nChery confirmed the talks with UAZ on Friday.\n",
    );
    expect(await unchangedSite(options)).toEqual({ inputs: await inputsNow() });
  }, 60_000);

  it("is answered unchanged again after a build given that digest", async () => {
    const checked = await unchangedSite(options);
    if (!("inputs" in checked) || checked.inputs === undefined) throw new Error("no digest");
    const built = await buildSite({ ...options, knownInputs: checked.inputs });
    expect(built.ok).toBe(true);
    expect(built.pageCount).toBeGreaterThan(0);
    expect(await unchangedSite(options)).toHaveProperty("result.pageCount", 0);
  }, 60_000);

  it("records the digest a build is given, reading no file to make its own", async () => {
    await buildSite({ ...options, knownInputs: "digest-of-the-command" });
    expect(await unchangedSite(options)).toEqual({ inputs: await inputsNow() });
  }, 60_000);
});
