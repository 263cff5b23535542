import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { type CorpusFile, corpusFiles, writeCorpus } from "../../bench/corpus/generate-corpus.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { loadNews } from "../../src/load-news.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const collect = (articles: number, seed: number): CorpusFile[] => [
  ...corpusFiles({ articles, seed }),
];

const articleFiles = (files: CorpusFile[]) => files.filter((f) => f.path.startsWith("articles/"));

describe("the synthetic corpus", () => {
  it("is the same, byte for byte, for the same seed", () => {
    expect(collect(40, 7)).toEqual(collect(40, 7));
  });

  it("differs for another seed", () => {
    const first = collect(40, 7);
    const second = collect(40, 8);
    expect(second.map((f) => f.text)).not.toEqual(first.map((f) => f.text));
  });

  it("has site.yaml, the three registry files and one file per article at unique paths", () => {
    const files = collect(200, 1);
    expect(files.slice(0, 4).map((f) => f.path)).toEqual([
      "site.yaml",
      "registry/companies.yaml",
      "registry/models.yaml",
      "registry/partners.yaml",
    ]);
    expect(articleFiles(files)).toHaveLength(200);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it("writes articles the real validator accepts, of about 400 to 900 words with headings, lists, links and quotes", () => {
    const articles = articleFiles(collect(12, 3));
    for (const generated of articles) {
      const baseName = generated.path.replace(/^.*\//, "").replace(/\.md$/, "");
      const result = validateArticle(
        { file: generated.path, baseName, text: generated.text },
        "Europe/Moscow",
      );
      expect(result.diagnostics).toEqual([]);
      const words = result.article?.body.wordCount ?? 0;
      expect(words).toBeGreaterThanOrEqual(400);
      // The last block may run past the target; it is never longer than one list or paragraph.
      expect(words).toBeLessThanOrEqual(1000);
    }
    const html = articles.map((a) => a.text).join("\n");
    for (const mark of ["\n## ", "\n- ", "\n1. ", "\n> ", "](https://"])
      expect(html).toContain(mark);
  });

  describe("as a content folder", () => {
    let folder = "";
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it("loads with no error: registry, cross-article checks and internal links included", async () => {
      folder = await temporaryFolder("bench-corpus");
      await writeCorpus(folder, { articles: 60, seed: 11 });
      const result = await loadNews({ contentDir: folder, includeDrafts: false });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.news).toBeDefined();
    });
  });
});
