import { appendFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { RenderCache, rendererVersion } from "../../src/markdown/render-cache.ts";
import { versionRecords } from "../../src/output/site-tree.ts";
import { temporaryFolder } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { endedProcessId } from "../support/processes.ts";

let parent: string;
let contentDir: string;
let cacheDir: string;

beforeEach(async () => {
  parent = await temporaryFolder("caches");
  contentDir = path.join(parent, "content");
  cacheDir = path.join(parent, ".cache");
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await writeFile(path.join(contentDir, "site.yaml"), siteYaml());
  await writeFile(
    path.join(contentDir, "articles", "geely-monjaro.md"),
    articleText([
      "title: Geely brings the Monjaro to Russia",
      "date: 2022-09-01",
      "company: Geely",
    ]),
  );
});

afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

const build = () =>
  buildSite({
    contentDir,
    outputDir: path.join(parent, "_site"),
    renderCacheFile: path.join(cacheDir, "rendered-bodies.jsonl"),
    frontMatterCacheFile: path.join(cacheDir, "front-matter.jsonl"),
    pageRecordDir: cacheDir,
    imageCacheDir: path.join(cacheDir, "images"),
  });

it("ignores the half-written cache files of a killed build, deletes them and keeps the whole caches", async () => {
  expect((await build()).ok).toBe(true);
  const dead = endedProcessId();
  // The test runner's parent process is alive for as long as this test runs.
  const running = process.ppid;
  const records = path.relative(cacheDir, versionRecords(cacheDir, path.join(parent, "_site")));
  const halfWritten: Record<string, string> = {
    [`rendered-bodies.jsonl.tmp-${dead}`]: '{"version":"0"}\n["key",{"ht',
    [`rendered-bodies.jsonl.${dead}.tmp`]: '{"vers',
    [`rendered-bodies/Nz1gRKkBjKtqmLT.html.tmp-${dead}`]: "<p>Geely brings the Mon",
    [`front-matter.jsonl.tmp-${dead}`]: '{"version":"0"}\n["key",{"ok":tr',
    [`${records}/_site.v-1796150000000-${dead}.json.tmp-${dead}`]: '{"format":3,"version":"',
    [`${records}/loaded-articles.jsonl.tmp-${dead}`]: '{"version":"0"}\n["key",{"loading":[',
    [`images/3f9a1c.tmp-${dead}/3f9a1c-480.avif`]: "half an AVIF",
    [`rendered-bodies.jsonl.tmp-${running}`]: '{"version":"being written',
    [`notes.${dead}.tmp`]: "an editor's own file",
  };
  for (const [name, text] of Object.entries(halfWritten)) {
    await mkdir(path.dirname(path.join(cacheDir, name)), { recursive: true });
    await writeFile(path.join(cacheDir, name), text);
  }

  // An edit, so the second build reads the caches rather than finding nothing changed.
  await appendFile(
    path.join(contentDir, "articles", "geely-monjaro.md"),
    "\nDeliveries start in October.\n",
  );
  const second = await build();

  expect(second.ok).toBe(true);
  expect(second.reusedCount).toBeGreaterThan(0);
  const cache = await RenderCache.open(
    path.join(cacheDir, "rendered-bodies.jsonl"),
    await rendererVersion(),
  );
  expect(cache.size).toBe(1);
  // Two records: the live site's, and the one of the site it replaced, kept to be updated.
  // What the inputs digest learnt of the content files is there only once they are older
  // than two seconds (see `contentDigestKnowing`), which depends on how fast this test ran.
  const left = (await readdir(cacheDir, { recursive: true }))
    .filter((name) => !name.endsWith("content-files.json"))
    .map((name) => name.replace(/_site\.v-\d+-\d+\.json$/, "_site.v-*.json"))
    .map((name) => name.replace(/^(rendered-bodies\/)[\w-]+\.html$/, "$1*.html"));
  expect(left.sort()).toEqual(
    [
      "front-matter.jsonl",
      "images",
      `notes.${dead}.tmp`,
      "rendered-bodies",
      // The text before the edit and after: an unused body is kept a week (see `BodyStore`).
      "rendered-bodies/*.html",
      "rendered-bodies/*.html",
      "rendered-bodies.jsonl",
      `rendered-bodies.jsonl.tmp-${running}`,
      "written-pages",
      records,
      `${records}/loaded-articles.jsonl`,
      `${records}/_site.v-*.json`,
      `${records}/_site.v-*.json`,
    ].sort(),
  );
});
