import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { type CorpusFile, corpusFiles, writeCorpus } from "../../bench/corpus/generate-corpus.ts";
import { loadNews } from "../../src/build/load-news.ts";
import { checkArticle } from "../support/articles.ts";
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
      const result = checkArticle(
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

  describe("with a large registry", () => {
    const files = [...corpusFiles({ articles: 300, seed: 5, variant: "large-registry" })];
    const registry = (name: string) =>
      files.find((f) => f.path === `registry/${name}.yaml`)?.text ?? "";
    const modelNames = [...registry("models").matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]);

    it("registers 720 models, filed under all 40 companies", () => {
      const owners = new Set(registry("models").match(/^ {4}company: .+$/gm));
      expect(modelNames).toHaveLength(720);
      expect(new Set(modelNames).size).toBe(720);
      expect(owners.size).toBe(40);
    });

    it("names models in lines of variants that differ by a number or a word", () => {
      const lines = new Map<string, number>();
      for (const name of modelNames) {
        const stem = name?.split(" ")[0] ?? "";
        lines.set(stem, (lines.get(stem) ?? 0) + 1);
      }
      expect(Math.min(...lines.values())).toBeGreaterThanOrEqual(2);
      expect(lines.size).toBeLessThanOrEqual(720 / 2);
    });

    it("has articles whose text names a model of a company the article is not about", () => {
      const ownerOf = new Map(
        [...registry("models").matchAll(/^ {2}- name: (.+)\n {4}company: (.+)$/gm)].map((m) => [
          m[1] ?? "",
          m[2] ?? "",
        ]),
      );
      const crossing = articleFiles(files).filter((article) => {
        const companies = /^company: (.+)$/m.exec(article.text)?.[1] ?? "";
        const body = article.text.split("\n---\n")[1] ?? "";
        return [...body.matchAll(/for the ([^,.\]]+?)(?: together|[,.\]])/g)].some(
          (match) => !companies.includes(ownerOf.get(match[1] ?? "") ?? "\u0000"),
        );
      });
      expect(crossing.length).toBeGreaterThan(30);
    });

    it("leaves the standard corpus as it was", () => {
      expect(collect(20, 9)).toEqual([
        ...corpusFiles({ articles: 20, seed: 9, variant: "standard" }),
      ]);
    });
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

    it("loads the large-registry corpus with no error", async () => {
      const large = await temporaryFolder("bench-corpus-large");
      try {
        await writeCorpus(large, { articles: 60, seed: 11, variant: "large-registry" });
        const result = await loadNews({ contentDir: large, includeDrafts: false });
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(result.news?.termPages.some((page) => page.url.startsWith("/models/"))).toBe(true);
      } finally {
        await rm(large, { recursive: true, force: true });
      }
    });
  });
});
