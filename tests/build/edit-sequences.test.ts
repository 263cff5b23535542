import { readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import { copyFixture, expectSameFiles, temporaryFolder } from "../support/build-fixture.ts";
import { articleText } from "../support/content-folder.ts";
import { rewrite } from "../support/rewrite-file.ts";

// Any sequence of editors' changes, built one after another with every cache a deploy keeps
// (parsed front-matter, rendered bodies and their HTML, search shards, the record of written
// pages), leaves after each change the site a build from nothing writes. The examples of
// `incremental-build.test.ts` name each kind of change; this covers their sequences.

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const START = new Date("2024-01-01T00:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/** One editor's change, to the `target`-th article file (in name order) where it needs one. */
interface Edit {
  kind:
    | "body"
    | "title"
    | "date"
    | "add"
    | "delete"
    | "rename"
    | "registry"
    | "terms"
    | "settings"
    | "schedule"
    | "day";
  target: number;
  /** Makes the change's text unique within a sequence. */
  mark: number;
}

const KINDS: readonly Edit["kind"][] = [
  "body",
  "title",
  "date",
  "add",
  "delete",
  "rename",
  "registry",
  "terms",
  "settings",
  "schedule",
  "day",
];

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...KINDS),
  target: fc.nat({ max: 100 }),
  mark: fc.integer({ min: 1, max: 28 }),
});

async function articleFiles(content: string): Promise<string[]> {
  const names = await readdir(path.join(content, "articles"));
  return names.filter((name) => name.endsWith(".md")).sort();
}

/** The moment each build takes for now: a `day` edit moves it on by a day. */
let now = START;

async function apply(content: string, change: Edit, step: number): Promise<void> {
  const files = await articleFiles(content);
  const file = path.join(content, "articles", files[change.target % files.length] as string);
  const day = `2022-07-${String(change.mark).padStart(2, "0")}`;
  switch (change.kind) {
    case "body":
      await rewrite(file, (text) => `${text}\nHaval and UAZ answered Chery on ${day}.\n`);
      break;
    case "title":
      await rewrite(file, (text) =>
        text.replace(/^title: .*$/m, `title: "Chery revises its plans (update ${step})"`),
      );
      break;
    case "date":
      await rewrite(file, (text) => text.replace(/^date: .*$/m, `date: ${day}`));
      break;
    case "add":
      await writeFile(
        path.join(content, "articles", `chery-dealers-${step}.md`),
        articleText([
          `title: Chery opens dealers, round ${step}`,
          `date: ${day}`,
          "company: Chery",
        ]),
      );
      break;
    case "delete":
      if (files.length > 20) await rm(file);
      break;
    case "rename":
      await rename(file, file.replace(/\.md$/, `-${step}.md`));
      break;
    case "terms":
      // A partner for an article that names none: it joins UAZ's page, feed and graph. An
      // article that names partners loses them all: it leaves their pages, feeds and graphs.
      await rewrite(file, (text) =>
        /^partners:/m.test(text)
          ? text.replace(/^partners:.*\n(?:[ \t]+.*\n)*/m, "")
          : text.replace(/^(company: .*)$/m, "$1\npartners: [UAZ]"),
      );
      break;
    case "settings":
      await rewrite(path.join(content, "site.yaml"), (text) =>
        text.replace(/^description: .*$/m, `description: Carmakers' news, edition ${step}.`),
      );
      break;
    case "schedule":
      // Dated a day to three after the build's day: left out until a build on that day.
      await rewrite(file, (text) =>
        text.replace(
          /^date: .*$/m,
          `date: ${new Date(now.getTime() + (1 + (change.mark % 3)) * DAY_MS).toISOString().slice(0, 10)}`,
        ),
      );
      break;
    case "day":
      now = new Date(now.getTime() + DAY_MS);
      break;
    case "registry":
      await rewrite(path.join(content, "registry", "companies.yaml"), (text) =>
        text.replace(
          /description: Chinese carmaker from Wuhu[^\n]*/,
          `description: Chinese carmaker from Wuhu, with ${change.mark} new dealers.`,
        ),
      );
      break;
  }
}

it("leaves, after any sequence of edits built one by one with every cache, the site a build from nothing writes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 2, maxLength: 3 }), async (edits) => {
      now = START;
      const content = await copyFixture(CORPUS);
      const root = await temporaryFolder("edit-sequences");
      const cache = path.join(root, ".cache");
      const live = path.join(root, "_site");
      const build = async (outputDir: string, withCaches: boolean) => {
        const result = await buildSite({
          contentDir: content,
          outputDir,
          now,
          // Several search shards, as on a large site: an edit must re-index the one it is in.
          recordsPerShard: 4,
          ...(withCaches
            ? {
                renderCacheFile: path.join(cache, "rendered-bodies.jsonl"),
                frontMatterCacheFile: path.join(cache, "front-matter.jsonl"),
                pageRecordDir: cache,
                searchCacheDir: path.join(cache, "search"),
                imageCacheDir: path.join(cache, "images"),
                pagesPerPass: 7,
              }
            : { imageCacheDir: path.join(root, "fresh-images") }),
        });
        if (!result.ok) throw new Error(`the build failed:\n${formatReport(result.diagnostics)}`);
      };
      /** The live site, compared with a build from nothing of the content as it is now. */
      const expectSameAsFresh = async (step: number) => {
        const fresh = path.join(root, `fresh-${step}`);
        await build(fresh, false);
        expectSameFiles(live, fresh);
        await rm(fresh, { recursive: true, force: true });
      };
      try {
        await build(live, true);
        for (const [step, change] of edits.entries()) {
          await apply(content, change, step);
          await build(live, true);
          await expectSameAsFresh(step);
        }
      } finally {
        await rm(root, { recursive: true, force: true });
        await rm(path.dirname(content), { recursive: true, force: true });
      }
    }),
    // Every kind of edit at least once, one after another, before the random sequences.
    {
      numRuns: 4,
      examples: [[KINDS.map((kind, index) => ({ kind, target: index * 5, mark: index + 1 }))]],
    },
  );
}, 600_000);
