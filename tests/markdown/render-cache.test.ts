import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import type { BodyFacts } from "../../src/markdown/body.ts";
import { htmlDigest } from "../../src/markdown/body-store.ts";
import {
  bodiesFolderBeside,
  RenderCache,
  rendererVersion,
} from "../../src/markdown/render-cache.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
  siteYaml,
} from "../support/content-folder.ts";

afterEach(removeContentFolders);

const NOW = new Date("2022-06-10T09:00:00Z");
const MARKER = "<p>kept from the previous build</p>\n";

const localization = articleText(
  [
    "title: Chery makes localizing car assembly in Russia a top priority",
    "date: 2022-06-01",
    "company: Chery",
    "partners: [UAZ]",
  ],
  "Chery is in talks about assembly with the Ulyanovsk Automobile Plant.",
);
const crashTest = articleText(
  [
    "title: Tiggo 4 Pro earns five stars in a crash test",
    "date: 2022-06-02",
    "company: Chery",
    "models: [Tiggo 4 Pro]",
  ],
  "The Tiggo 4 Pro scored five stars in the latest crash test.",
);
const uazRegistry = (aliases: string) => `partners:\n  - name: UAZ\n    aliases: [${aliases}]\n`;

/** The cache file as written: a header line, then one `[key, facts]` line per body. */
async function readStored(file: string) {
  const [header = "", ...lines] = (await readFile(file, "utf8")).trimEnd().split("\n");
  return {
    header: JSON.parse(header) as { version: string },
    entries: lines.map((line) => JSON.parse(line) as [string, Omit<BodyFacts, "key">]),
  };
}

/** The HTML file of the body kept under `key`. */
const bodyFile = (cacheFile: string, key: string) =>
  path.join(bodiesFolderBeside(cacheFile), `${key}.html`);

/**
 * Marks every stored body, its HTML and the digest its facts keep of it, so a later load
 * shows which bodies came from the cache.
 */
async function markStoredBodies(file: string, version?: string): Promise<void> {
  const { header, entries } = await readStored(file);
  for (const [key, facts] of entries) {
    await writeFile(bodyFile(file, key), MARKER);
    facts.digest = htmlDigest(MARKER);
  }
  if (version) header.version = version;
  const lines = [header, ...entries].map((line) => JSON.stringify(line));
  await writeFile(file, `${lines.join("\n")}\n`);
}

async function bodiesBySlug(contentDir: string, cacheFile: string) {
  const { news, parts, diagnostics } = await loadNews({
    contentDir,
    includeDrafts: false,
    now: NOW,
    renderCacheFile: cacheFile,
  });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!news || !parts) throw new Error("the site did not load");
  return new Map(news.articles.map((article) => [article.slug, parts.bodyHtml(article.body)]));
}

async function siteWithCache(registry = uazRegistry("Ulyanovsk Automobile Plant")) {
  const contentDir = await createContentFolder({
    registry: { partners: registry },
    articles: { "chery-localization.md": localization, "tiggo-crash-test.md": crashTest },
  });
  const cacheFile = path.join(contentDir, ".cache", "rendered-bodies.jsonl");
  await bodiesBySlug(contentDir, cacheFile);
  await markStoredBodies(cacheFile);
  return { contentDir, cacheFile };
}

describe("the render cache between builds", () => {
  it("never stores a refused body, so it is refused again on the next build", async () => {
    const deepQuotes = articleText(
      ["title: UAZ answers Chery", "date: 2022-06-03", "company: UAZ"],
      `${">".repeat(5000)} TASS`,
    );
    const contentDir = await createContentFolder({
      articles: { "chery-localization.md": localization, "uaz-answers.md": deepQuotes },
    });
    const cacheFile = path.join(contentDir, ".cache", "rendered-bodies.jsonl");
    for (let build = 0; build < 2; build++) {
      const { diagnostics } = await loadNews({
        contentDir,
        includeDrafts: false,
        now: NOW,
        renderCacheFile: cacheFile,
      });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
        expect.objectContaining({ ruleId: "body-too-deep", line: 7, column: 33 }),
      ]);
      const { entries } = await readStored(cacheFile);
      expect(entries).toHaveLength(1);
      const [[key] = [""]] = entries;
      expect(await readFile(bodyFile(cacheFile, key), "utf8")).toContain(
        "Ulyanovsk Automobile Plant",
      );
    }
  });

  it("reuses every body when nothing changed", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    const bodies = await bodiesBySlug(contentDir, cacheFile);
    expect([...bodies.values()]).toEqual([MARKER, MARKER]);
  });

  it("keeps each body's HTML in a file of its own, and only its facts in the cache file", async () => {
    const { cacheFile } = await siteWithCache();
    const { entries } = await readStored(cacheFile);
    expect(entries).toHaveLength(2);
    for (const [key, facts] of entries) {
      expect(facts).not.toHaveProperty("html");
      expect(facts.digest).toBe(htmlDigest(await readFile(bodyFile(cacheFile, key), "utf8")));
    }
  });

  it("renders again a body whose HTML file is gone, though its facts are kept", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    const { entries } = await readStored(cacheFile);
    const [[key] = [""]] = entries;
    await rm(bodyFile(cacheFile, key));
    const bodies = await bodiesBySlug(contentDir, cacheFile);
    expect([...bodies.values()].filter((html) => html === MARKER)).toHaveLength(1);
    expect([...bodies.values()].some((html) => html.includes("<p>"))).toBe(true);
    expect(await readFile(bodyFile(cacheFile, key), "utf8")).not.toBe(MARKER);
  });

  it("renders again only the article whose text changed", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    await writeFile(
      path.join(contentDir, "articles", "tiggo-crash-test.md"),
      crashTest.replace("scored five stars", "scored five stars and a top safety award"),
    );
    const bodies = await bodiesBySlug(contentDir, cacheFile);
    expect(bodies.get("chery-localization")).toBe(MARKER);
    expect(bodies.get("tiggo-crash-test")).toContain("top safety award");
  });

  it("renders again only the articles whose text names a registry entry that changed", async () => {
    const { contentDir, cacheFile } = await siteWithCache(uazRegistry("УАЗ"));
    await writeFile(
      path.join(contentDir, "registry", "partners.yaml"),
      uazRegistry("УАЗ, Ulyanovsk Automobile Plant"),
    );
    const bodies = await bodiesBySlug(contentDir, cacheFile);
    expect(bodies.get("chery-localization")).toContain(
      '<a href="/partners/uaz/">Ulyanovsk Automobile Plant</a>',
    );
    expect(bodies.get("tiggo-crash-test")).toBe(MARKER);
  });

  it("renders everything again after the renderer or its dependencies change", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    await markStoredBodies(cacheFile, "an older renderer");
    const bodies = await bodiesBySlug(contentDir, cacheFile);
    expect(bodies.get("chery-localization")).toContain("Ulyanovsk Automobile Plant");
    expect(bodies.get("tiggo-crash-test")).toContain("five stars");
  });

  it("keeps bodies when a site setting changes, since no body depends on one", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    await writeFile(
      path.join(contentDir, "site.yaml"),
      siteYaml().replace("Auto Industry Digest", "Car Market Weekly"),
    );
    const { news, parts } = await loadNews({
      contentDir,
      includeDrafts: false,
      now: NOW,
      renderCacheFile: cacheFile,
    });
    expect(news?.site.title).toBe("Car Market Weekly");
    expect(news?.articles.map((article) => parts?.bodyHtml(article.body))).toEqual([
      MARKER,
      MARKER,
    ]);
  });

  it("forgets bodies of articles that no longer exist", async () => {
    const { contentDir, cacheFile } = await siteWithCache();
    const { rm } = await import("node:fs/promises");
    await rm(path.join(contentDir, "articles", "tiggo-crash-test.md"));
    await bodiesBySlug(contentDir, cacheFile);
    await bodiesBySlug(contentDir, cacheFile);
    expect((await readStored(cacheFile)).entries).toHaveLength(1);
  });
});

describe("RenderCache", () => {
  it("starts empty when its file is missing or unreadable", async () => {
    const folder = await createContentFolder({});
    const corrupt = path.join(folder, "corrupt.jsonl");
    await writeFile(corrupt, "{ not json");
    const version = await rendererVersion();
    expect((await RenderCache.open(path.join(folder, "missing.jsonl"), version)).size).toBe(0);
    expect((await RenderCache.open(corrupt, version)).size).toBe(0);
  });

  it("keeps the whole lines of a file whose last line a killed run left torn", async () => {
    const folder = await createContentFolder({});
    const version = await rendererVersion();
    const damaged = path.join(folder, "damaged.jsonl");
    const cache = await RenderCache.open(damaged, version);
    const facts = cache.keep("key-1", {
      html: "<p>UAZ</p>",
      firstParagraph: "UAZ",
      wordCount: 1,
      rawHtml: [],
      links: [],
    });
    await cache.save();
    await writeFile(damaged, '["key-2", {"firstParagraph": \n', { flag: "a" });
    const reopened = await RenderCache.open(damaged, version);
    expect(reopened.size).toBe(1);
    expect(reopened.reuse("key-1")).toEqual(facts);
    expect(reopened.bodies.html(facts)).toBe("<p>UAZ</p>");
  });

  it("writes and reads back many bodies, a line each", async () => {
    const folder = await createContentFolder({});
    const version = await rendererVersion();
    const file = path.join(folder, "many.jsonl");
    const cache = await RenderCache.open(file, version);
    for (let index = 0; index < 1200; index++) {
      const html = `<p>Chery sold ${index} cars.</p>`;
      cache.keep(`key-${index}`, {
        html,
        firstParagraph: html,
        wordCount: 4,
        rawHtml: [],
        links: [],
      });
    }
    await cache.save();
    const reopened = await RenderCache.open(file, version);
    expect(reopened.size).toBe(1200);
    const facts = reopened.reuse("key-1199");
    expect(facts && reopened.bodies.html(facts)).toBe("<p>Chery sold 1199 cars.</p>");
  });

  it.each([
    [".cache/rendered-bodies.jsonl", ".cache/rendered-bodies"],
    ["/tmp/site-cache/bodies.jsonl", "/tmp/site-cache/bodies"],
    [".cache/render-cache", ".cache/render-cache.bodies"],
    [".cache/rendered.json", ".cache/rendered.json.bodies"],
  ])(
    "keeps the HTML of the bodies whose facts are in %s in %s, never the file itself",
    (file, folder) => {
      expect(bodiesFolderBeside(file)).toBe(folder);
    },
  );

  it("names the same renderer by the same version in every run", async () => {
    expect(await rendererVersion()).toBe(await rendererVersion());
  });
});
