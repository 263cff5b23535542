import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

afterEach(removeContentFolders);

const registry = {
  companies: "companies:\n  - name: Chery\n    aliases: [Чери]\n",
};

async function bodyOf(
  articles: Record<string, string>,
  slug: string,
  includeDrafts = false,
): Promise<string | undefined> {
  const dir = await createContentFolder({ registry, articles });
  const { news, parts } = await loadNews({
    contentDir: dir,
    includeDrafts,
    now: new Date("2024-01-01"),
  });
  const article = news?.articles.find((each) => each.slug === slug);
  return article && parts?.bodyHtml(article.body).trim();
}

const uazTalks = articleText(
  ["title: UAZ confirms talks", "date: 2022-06-02", "company: UAZ"],
  "Чери and UAZ are in talks about the Tiggo 4 Pro.",
);

describe("names in article bodies", () => {
  it("link registry aliases of terms with pages", async () => {
    const cheryArticle = articleText(["title: Chery plant", "date: 2022-06-01", "company: Chery"]);
    expect(
      await bodyOf({ "chery-plant.md": cheryArticle, "uaz-talks.md": uazTalks }, "uaz-talks"),
    ).toBe(
      '<p><a href="/companies/chery/">Чери</a> and <a href="/companies/uaz/">UAZ</a> are in talks about the Tiggo 4 Pro.</p>',
    );
  });

  it("stay unlinked when the article says autolink: false", async () => {
    const optedOut = articleText(
      ["title: UAZ confirms talks", "date: 2022-06-02", "company: UAZ", "autolink: false"],
      "UAZ is in talks.",
    );
    expect(await bodyOf({ "uaz-talks.md": optedOut }, "uaz-talks")).toBe("<p>UAZ is in talks.</p>");
  });

  it("do not link to a term only a draft names in a production build", async () => {
    const draft = articleText([
      "title: Chery plans",
      "date: 2022-06-01",
      "company: Chery",
      "draft: true",
    ]);
    expect(await bodyOf({ "chery-plans.md": draft, "uaz-talks.md": uazTalks }, "uaz-talks")).toBe(
      '<p>Чери and <a href="/companies/uaz/">UAZ</a> are in talks about the Tiggo 4 Pro.</p>',
    );
  });

  it("link to a term a draft names in a preview", async () => {
    const draft = articleText([
      "title: Chery plans",
      "date: 2022-06-01",
      "company: Chery",
      "draft: true",
    ]);
    expect(
      await bodyOf({ "chery-plans.md": draft, "uaz-talks.md": uazTalks }, "uaz-talks", true),
    ).toBe(
      '<p><a href="/companies/chery/">Чери</a> and <a href="/companies/uaz/">UAZ</a> are in talks about the Tiggo 4 Pro.</p>',
    );
  });
});
