import { appendFileSync, writeFileSync } from "node:fs";
import { appendFile, readFile, readlink, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInputsDigest } from "../../src/build/build-inputs.ts";
import { type BuildOptions, buildSite, buildSiteHere } from "../../src/build/build-site.ts";
import { liveSite } from "../../src/build/stage-site.ts";
import { builderVersion } from "../../src/output/builder-version.ts";
import { versionRecords } from "../../src/output/site-tree.ts";
import { silentProgress } from "../../src/progress.ts";
import { PROJECT_ROOT } from "../../src/project-paths.ts";
import { copyFixture, temporaryFolder } from "../support/build-fixture.ts";
import { rewrite } from "../support/rewrite-file.ts";

// A command asks first whether anything changed, and hands what it learnt to the build that
// follows, which may run in a process of its own (with a heap sized to the site).

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const NOW = new Date("2024-06-01T12:00:00Z");
/** An article other than the Chery one, which the tests below edit. */
const EDITED_ELSEWHERE = "avtovaz-lada-vesta-restart.md";
/** Its page, as published. */
const LADA_VESTA_PAGE = "articles/avtovaz-lada-vesta-restart/index.html";

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

/** What a command learns before making anything: the live site's answer, or what changed. */
const unchangedSite = (buildOptions: BuildOptions) => buildSiteHere(buildOptions, () => false);

const inputsNow = async () =>
  buildInputsDigest({ contentDir: content, builder: await builderVersion(PROJECT_ROOT), now: NOW });

const seenNow = async () => {
  const seen = await inputsNow();
  if (!seen) throw new Error("the fixture's settings are unreadable");
  return seen;
};

/** The digest recorded with the version the output links to. */
const liveDigest = async () => {
  const records = versionRecords(path.join(root, "cache"), options.outputDir);
  return (await liveSite(options.outputDir, records))?.inputs?.digest;
};

describe("asking whether a site is unchanged", () => {
  it("answers what the live site's build told, making nothing, when nothing changed", async () => {
    const checked = await unchangedSite(options);
    expect(checked).toEqual({
      ok: true,
      diagnostics: expect.any(Array),
      pageCount: 0,
      reusedCount: expect.any(Number),
    });
    expect("reusedCount" in checked && checked.reusedCount).toBeGreaterThan(40);
  }, 60_000);

  it("keeps what it learnt of each content file beside the records, for the next build", async () => {
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    const known = JSON.parse(await readFile(path.join(records, "content-files.json"), "utf8"));
    expect(Object.keys(known.files)).toContain("articles/chery-localization-russia.md");
  });

  it("still knows each unchanged content file after a build that made the site", async () => {
    await appendFile(path.join(content, "articles", EDITED_ELSEWHERE), "\nUpdated on Friday.\n");
    expect(await buildSite(options)).toHaveProperty("ok", true);
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    const known = JSON.parse(await readFile(path.join(records, "content-files.json"), "utf8"));
    expect(Object.keys(known.files)).toContain("articles/chery-localization-russia.md");
  }, 60_000);

  it("gives the digest of the inputs, as reading every file gives it, once an article changed", async () => {
    await appendFile(
      path.join(content, "articles", "chery-localization-russia.md"),
      "\nChery confirmed the talks with UAZ on Friday.\n",
    );
    expect(await unchangedSite(options)).toEqual({
      change: { inputs: await inputsNow(), keepsPages: true },
    });
  }, 60_000);

  it("is answered unchanged again after a build given that digest", async () => {
    const checked = await unchangedSite(options);
    const inputs = "change" in checked ? checked.change.inputs : undefined;
    if (inputs === undefined) throw new Error("no digest");
    const built = await buildSite({ ...options, knownInputs: inputs });
    expect(built.ok).toBe(true);
    expect(built.pageCount).toBeGreaterThan(0);
    expect(await unchangedSite(options)).toHaveProperty("pageCount", 0);
  }, 60_000);

  it("records the digest a build is given, reading no file to make its own", async () => {
    const { states } = await seenNow();
    await buildSite({ ...options, knownInputs: { digest: "digest-of-the-command", states } });
    expect(await liveDigest()).toBe("digest-of-the-command");
    expect(await unchangedSite(options)).toHaveProperty("change.inputs", await inputsNow());
  }, 60_000);

  it("keeps the articles it loaded for the next build, though handed no digest of each file", async () => {
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    const keptFile = path.join(records, "loaded-articles.jsonl");
    await rm(keptFile, { force: true });
    await appendFile(
      path.join(content, "articles", EDITED_ELSEWHERE),
      "\nDeliveries start in May.\n",
    );
    const { states } = await seenNow();
    const knownInputs = { digest: "digest-handed-over", states };
    expect((await buildSite({ ...options, knownInputs })).ok).toBe(true);
    const lines = (await readFile(keptFile, "utf8")).split("\n").filter((line) => line !== "");
    // A first line saying which builder and content it is for, then one line an article.
    expect(lines.length).toBeGreaterThan(30);
  }, 60_000);

  it("records no digest when a content file was written while the build read them", async () => {
    const article = path.join(content, "articles", EDITED_ELSEWHERE);
    const before = await readFile(article, "utf8");
    // Without the articles an earlier build kept, which would spare reading this one.
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    await rm(path.join(records, "loaded-articles.jsonl"), { force: true });
    const built = await buildSite({
      ...options,
      progress: {
        ...silentProgress,
        // Edited before the articles are read, and written back as it was once they are.
        phase: (name) => {
          if (name === "Reading content") appendFileSync(article, "\nRecalled in August.\n");
          if (name === "Rendering Markdown") writeFileSync(article, before);
        },
      },
    });
    expect(built.ok).toBe(true);
    const page = await readFile(path.join(options.outputDir, LADA_VESTA_PAGE), "utf8");
    expect(page).toContain("Recalled in August.");
    expect(await liveDigest()).toBeUndefined();
    const checked = await unchangedSite(options);
    expect(checked).toHaveProperty("change.inputs", await inputsNow());
  }, 60_000);

  it("makes the site again after a build that read a file written meanwhile", async () => {
    expect(await buildSite(options)).toHaveProperty("ok", true);
    const page = await readFile(path.join(options.outputDir, LADA_VESTA_PAGE), "utf8");
    expect(page).not.toContain("Recalled in August.");
    expect(await liveDigest()).toBe((await inputsNow())?.digest);
  }, 60_000);

  it("tells that no page can be kept when the live site has no record of its builder", async () => {
    const fresh = { ...options, outputDir: path.join(root, "elsewhere") };
    expect(await unchangedSite(fresh)).toHaveProperty("change.keepsPages", false);
  }, 60_000);

  it("tells that no page can be kept when another builder made the live site", async () => {
    await appendFile(path.join(content, "articles", "chery-localization-russia.md"), "\nMore.\n");
    const records = versionRecords(path.join(root, "cache"), options.outputDir);
    const version = path.basename(await readlink(options.outputDir));
    await rewrite(path.join(records, `${version}.json`), (text) =>
      text.replace(/"builder":"[^"]*"/, '"builder":"an older news-digest"'),
    );
    expect(await unchangedSite(options)).toHaveProperty("change.keepsPages", false);
  }, 60_000);
});
