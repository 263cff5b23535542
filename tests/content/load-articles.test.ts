import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

afterEach(removeContentFolders);

const ZONE = "Europe/Moscow";

function cheryArticle(title: string, date: string, extra: readonly string[] = []): string {
  return articleText([`title: ${title}`, `date: ${date}`, "company: Chery", ...extra]);
}

describe("valid articles", () => {
  it("are returned newest first", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-dealers.md": cheryArticle("Chery opens dealers", "2022-06-02"),
        "chery-localization.md": cheryArticle("Chery localizes", "2022-06-01"),
        "chery-warranty.md": cheryArticle("Chery gives seven years", "2022-06-03T09:00:00+03:00"),
      },
    });
    const { articles } = await loadArticles(dir, ZONE);
    expect(articles.map((article) => article.slug)).toEqual([
      "chery-warranty",
      "chery-dealers",
      "chery-localization",
    ]);
  });

  it("include drafts", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-exeed.md": cheryArticle("Chery launches Exeed", "2022-06-01", ["draft: true"]),
      },
    });
    const { articles } = await loadArticles(dir, ZONE);
    expect(articles.map((article) => [article.slug, article.draft])).toEqual([
      ["chery-exeed", true],
    ]);
  });

  it("of the same moment are listed in slug order", async () => {
    const dir = await createContentFolder({
      articles: {
        "uaz-talks.md": cheryArticle("Chery talks to UAZ", "2022-06-01"),
        "kamaz-talks.md": cheryArticle("Chery talks to KAMAZ", "2022-06-01"),
      },
    });
    const { articles } = await loadArticles(dir, ZONE);
    expect(articles.map((article) => article.slug)).toEqual(["kamaz-talks", "uaz-talks"]);
  });
});

describe("problems", () => {
  it("are collected from every file, and the valid articles kept", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-dealers.md": cheryArticle("Chery opens dealers", "2022-06-02"),
        "chery-broken.md": cheryArticle("Chery sales", "2022-02-30"),
        "moskvich.md": "",
      },
    });
    const { articles, diagnostics } = await loadArticles(dir, ZONE);
    expect([
      articles.map((article) => article.slug),
      diagnostics.map((d) => [path.basename(d.file), d.ruleId]),
    ]).toEqual([
      ["chery-dealers"],
      [
        ["chery-broken.md", "invalid-field"],
        ["moskvich.md", "empty-file"],
      ],
    ]);
  });
});

it("places a bare day at midnight in the site's zone", async () => {
  const dir = await createContentFolder({
    articles: { "chery-dealers.md": cheryArticle("Chery opens dealers", "2022-06-02") },
  });
  const { articles } = await loadArticles(dir, "Pacific/Kiritimati");
  expect(articles[0]?.date.instant).toBe(Date.parse("2022-06-01T10:00:00Z"));
});
