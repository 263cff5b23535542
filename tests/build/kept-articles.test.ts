import { appendFile, cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LoadedContent, loadContent } from "../../src/build/load-news.ts";
import { contentDigestKnowing } from "../../src/content/content-digest.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { FIXTURE_CORPUS } from "../support/fixture-news.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

/** A day after every fixture article, so none is scheduled. */
const NOW = new Date("2024-01-01T00:00:00Z");

const LOCALIZATION = "articles/chery-localization-russia.md";

const folders: string[] = [];

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A copy of the fixture corpus, and where its loads keep their articles and bodies. */
async function corpusCopy(): Promise<{ content: string; keptFile: string }> {
  const folder = await temporaryFolder("kept-articles");
  folders.push(folder);
  const content = path.join(folder, "content");
  await cp(FIXTURE_CORPUS, content, { recursive: true });
  return { content, keptFile: path.join(folder, "records", "loaded-articles.jsonl") };
}

/** Every file's digest now, as a build's inputs digest gives them. */
function digestsOf(content: string): ReadonlyMap<string, string> {
  return contentDigestKnowing(content, new Map(), 0).digests;
}

/**
 * Loads the content, bodies kept beside it; with `keptFile`, taking unchanged articles from
 * it and keeping them there.
 */
async function load(
  content: string,
  keptFile?: string,
  files: ReadonlyMap<string, string> = digestsOf(content),
): Promise<{ content: LoadedContent; diagnostics: Diagnostic[] }> {
  const result = await loadContent({
    contentDir: content,
    includeDrafts: false,
    now: NOW,
    renderCacheFile: path.join(path.dirname(content), "cache", "rendered-bodies.jsonl"),
    ...(keptFile ? { keep: { file: keptFile, files, builder: "builder" } } : {}),
  });
  if (!result.content) throw new Error("the corpus did not load");
  return { content: result.content, diagnostics: result.diagnostics };
}

/** What a load yields that the site is made from, without the body store's handle. */
function comparable({ content, diagnostics }: Awaited<ReturnType<typeof load>>) {
  const { bodies: _bodies, ...rest } = content;
  return { ...rest, linkUrls: [...rest.linkUrls], diagnostics };
}

async function rewrite(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}

describe("loading with the articles an earlier load kept", () => {
  it.each([
    [
      "an article's text",
      (content: string) =>
        appendFile(path.join(content, LOCALIZATION), "\nThe plant will also build engines.\n"),
    ],
    [
      "an article's headline",
      (content: string) =>
        rewrite(path.join(content, LOCALIZATION), (text) =>
          text.replace(/^title: .*$/m, "title: Chery confirms assembly in Kaliningrad"),
        ),
    ],
    [
      "an article with a warning added",
      (content: string) =>
        appendFile(path.join(content, LOCALIZATION), "\n<div>Raw HTML the site leaves out</div>\n"),
    ],
    [
      "a new article naming a company no article named before",
      (content: string) =>
        writeFile(
          path.join(content, "articles", "sollers-argo-launch.md"),
          "---\ntitle: Sollers starts the Argo van\ndate: 2023-03-01\ncompany: Sollers\n---\n\nSollers starts building the Argo van; Chery is not involved.\n",
        ),
    ],
    ["an article deleted", (content: string) => rm(path.join(content, LOCALIZATION))],
    [
      "the registry",
      (content: string) =>
        rewrite(path.join(content, "registry", "companies.yaml"), (text) =>
          text.replace("Chinese carmaker from Wuhu", "Carmaker from Wuhu, China"),
        ),
    ],
    [
      "the settings",
      (content: string) =>
        rewrite(path.join(content, "site.yaml"), (text) =>
          text.replace(/^title: .*$/m, "title: Car Industry Weekly"),
        ),
    ],
  ])(
    "yields, after an edit of %s, what a load of every file yields",
    async (_what, edit) => {
      const { content, keptFile } = await corpusCopy();
      await load(content, keptFile);
      await edit(content);
      const fromKept = await load(content, keptFile);
      expect(comparable(fromKept)).toEqual(comparable(await load(content)));
    },
    30_000,
  );

  it("takes an unchanged file's article by the digest the build gave it, without reading it", async () => {
    const { content, keptFile } = await corpusCopy();
    const before = digestsOf(content);
    await load(content, keptFile, before);
    await rewrite(path.join(content, LOCALIZATION), (text) =>
      text.replace(/^title: .*$/m, "title: A headline no load read"),
    );
    const { content: loaded } = await load(content, keptFile, before);
    const titles = loaded.articles.map((article) => article.title);
    expect(titles).not.toContain("A headline no load read");
    expect(
      loaded.articles.find((article) => article.file.endsWith(LOCALIZATION))?.title,
    ).toBeDefined();
  });

  it("reads the file again once the build's digest of it changes", async () => {
    const { content, keptFile } = await corpusCopy();
    await load(content, keptFile);
    await rewrite(path.join(content, LOCALIZATION), (text) =>
      text.replace(/^title: .*$/m, "title: Chery confirms assembly in Kaliningrad"),
    );
    const { content: loaded } = await load(content, keptFile);
    expect(loaded.articles.map((article) => article.title)).toContain(
      "Chery confirms assembly in Kaliningrad",
    );
  });

  it("never takes, for the text a build digested, an article made from a text written since", async () => {
    const { content, keptFile } = await corpusCopy();
    const file = path.join(content, LOCALIZATION);
    const original = await readFile(file, "utf8");
    const digested = digestsOf(content);
    // Written after the build's inputs digest read the file, before loading read it.
    await writeFile(file, original.replace(/^title: .*$/m, "title: A headline written meanwhile"));
    await load(content, keptFile, digested);
    await writeFile(file, original);
    const { content: loaded } = await load(content, keptFile);
    expect(loaded.articles.map((article) => article.title)).not.toContain(
      "A headline written meanwhile",
    );
  });

  it("tells the warnings of a kept article again, as the load that kept it told them", async () => {
    const { content, keptFile } = await corpusCopy();
    await appendFile(
      path.join(content, LOCALIZATION),
      "\n<div>Raw HTML the site leaves out</div>\n",
    );
    const first = await load(content, keptFile);
    const again = await load(content, keptFile);
    const rawHtml = (result: typeof first) =>
      result.diagnostics.filter((problem) => problem.ruleId === "raw-html");
    expect(rawHtml(first)).toHaveLength(1);
    expect(rawHtml(again)).toEqual(rawHtml(first));
  });
});
