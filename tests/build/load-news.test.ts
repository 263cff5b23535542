import { stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import type { BuildProgress } from "../../src/progress.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
  siteYaml,
} from "../support/content-folder.ts";

/** 15:30 UTC on 1 June is 01:30 on 2 June in Vladivostok (UTC+10). */
const NOW = new Date("2022-06-01T15:30:00Z");

function cheryArticle(title: string, date: string, extra: readonly string[] = []): string {
  return articleText([`title: ${title}`, `date: ${date}`, "company: Chery", ...extra]);
}

afterEach(removeContentFolders);

async function vladivostokFolder(): Promise<string> {
  return createContentFolder({
    site: siteYaml("Asia/Vladivostok"),
    articles: {
      "chery-dealers.md": cheryArticle("Chery opens dealers in the Far East", "2022-06-02"),
      "chery-tiggo-8-arrives.md": cheryArticle("Tiggo 8 Pro Max arrives in Russia", "2022-06-03"),
    },
  });
}

describe("scheduling", () => {
  it("publishes an article dated today in the site's zone though it is still yesterday in UTC", async () => {
    const dir = await vladivostokFolder();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.articles.map((article) => article.url)).toEqual(["/articles/chery-dealers/"]);
  });

  it("leaves an article dated tomorrow in the site's zone out of the production site", async () => {
    const dir = await vladivostokFolder();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.termPages.flatMap((page) => page.entries.map((e) => e.article.url))).toEqual([
      "/articles/chery-dealers/",
    ]);
  });

  it("shows an article dated tomorrow in previews, marked scheduled", async () => {
    const dir = await vladivostokFolder();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: true, now: NOW });
    expect(news?.articles.map((article) => [article.url, article.scheduled])).toEqual([
      ["/articles/chery-tiggo-8-arrives/", true],
      ["/articles/chery-dealers/", false],
    ]);
  });

  it("warns that an article dated tomorrow is scheduled", async () => {
    const dir = await vladivostokFolder();
    const { diagnostics } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(diagnostics).toEqual([
      {
        file: path.join(dir, "articles/chery-tiggo-8-arrives.md"),
        line: 3,
        column: 7,
        severity: "warning",
        ruleId: "scheduled",
        message:
          "scheduled for 2022-06-03: left out of the published site until a build on or after that day",
        fix: "nothing to do if that is intended; otherwise correct the date",
      },
    ]);
  });
});

describe("drafts", () => {
  async function folderWithDraft(): Promise<string> {
    return createContentFolder({
      articles: {
        "chery-localization.md": cheryArticle("Chery makes localizing a priority", "2022-06-01"),
        "chery-exeed-brand.md": cheryArticle("Chery launches the Exeed brand", "2022-05-30", [
          "draft: true",
        ]),
      },
    });
  }

  it("shows a draft in previews, marked draft", async () => {
    const dir = await folderWithDraft();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: true, now: NOW });
    expect(news?.articles.map((article) => [article.url, article.draft])).toEqual([
      ["/articles/chery-localization/", false],
      ["/articles/chery-exeed-brand/", true],
    ]);
  });

  it("leaves a draft out of the production site", async () => {
    const dir = await folderWithDraft();
    const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
    expect(news?.articles.map((article) => article.url)).toEqual(["/articles/chery-localization/"]);
  });
});

it("returns no site when the content has an error", async () => {
  const dir = await createContentFolder({
    articles: {
      "chery-localization.md": articleText([
        "title: Chery makes localizing a priority",
        "date: 2022-02-30",
        "company: Chery",
      ]),
    },
  });
  const { news, diagnostics } = await loadNews({ contentDir: dir, includeDrafts: true, now: NOW });
  expect(news).toBeUndefined();
  expect(diagnostics).toEqual([
    {
      file: path.join(dir, "articles/chery-localization.md"),
      line: 3,
      column: 7,
      severity: "error",
      ruleId: "invalid-field",
      message: 'date "2022-02-30" is not a real calendar date',
      fix: "write the day as `date: 2022-06-01`, or a moment with its offset: `date: 2022-06-01T23:30:00+03:00`",
    },
  ]);
});

it("reports reading content, then rendering Markdown up to every article", async () => {
  const dir = await vladivostokFolder();
  const events: string[] = [];
  const progress: BuildProgress = {
    phase: (name) => events.push(name),
    advance: (done, total) => events.push(`${done}/${total}`),
    end: () => events.push("end"),
  };
  await loadNews({ contentDir: dir, includeDrafts: false, now: NOW, progress });
  expect(events).toEqual(["Reading content", "Rendering Markdown", "0/2", "1/2", "2/2"]);
});

describe("two pages at one address", () => {
  const addressProblems = async (dir: string) => {
    const { news, diagnostics } = await loadNews({
      contentDir: dir,
      includeDrafts: false,
      now: NOW,
    });
    return {
      news,
      problems: sortDiagnostics(
        diagnostics.filter((d) => d.ruleId === "duplicate-url" || d.ruleId === "url-conflict"),
      ),
    };
  };

  it("name both files when two articles share a slug, and publish neither", async () => {
    const dir = await createContentFolder({
      articles: {
        "2021/chery-tiggo-7-pro.md": cheryArticle("Tiggo 7 Pro prices", "2021-06-01"),
        "2022/chery-tiggo-7-pro.md": cheryArticle("Tiggo 7 Pro prices rise", "2022-05-01"),
        "chery-dealers.md": cheryArticle("Chery opens dealers", "2022-05-02"),
      },
    });
    const older = path.join(dir, "articles/2021/chery-tiggo-7-pro.md");
    const newer = path.join(dir, "articles/2022/chery-tiggo-7-pro.md");
    const { news, problems } = await addressProblems(dir);
    expect(news).toBeUndefined();
    expect(problems).toEqual([
      {
        file: older,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "duplicate-url",
        message: `this article and ${newer} would both be published at /articles/chery-tiggo-7-pro/`,
        fix: "give one of them a different `slug:` (or file name)",
      },
      {
        file: newer,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "duplicate-url",
        message: `this article and ${older} would both be published at /articles/chery-tiggo-7-pro/`,
        fix: "give one of them a different `slug:` (or file name)",
      },
    ]);
  });

  it("name both files when a slug set in front-matter is another file's name", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-localization.md": cheryArticle("Chery localizes", "2022-05-01"),
        "chery-russia.md": cheryArticle("Chery in Russia", "2022-05-02", [
          "slug: chery-localization",
        ]),
      },
    });
    const { problems } = await addressProblems(dir);
    expect(problems.map((d) => [path.basename(d.file), d.ruleId])).toEqual([
      ["chery-localization.md", "duplicate-url"],
      ["chery-russia.md", "duplicate-url"],
    ]);
  });

  it("name both files when two companies' models would share a page, even when one is a draft", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-tiggo-4-pro-prices.md": articleText([
          "title: Chery Tiggo 4 Pro prices rise",
          "date: 2022-05-02",
          "company: Chery Tiggo",
          "models: [4 Pro]",
          "draft: true",
        ]),
        "chery-tiggo-4-pro-assembly.md": articleText([
          "title: Chery starts Tiggo 4 Pro assembly",
          "date: 2022-05-01",
          "company: Chery",
          "models: [Tiggo 4 Pro]",
        ]),
      },
    });
    const { news, problems } = await addressProblems(dir);
    expect(news).toBeUndefined();
    expect(problems).toEqual([
      {
        file: path.join(dir, "articles/chery-tiggo-4-pro-prices.md"),
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message: `/models/chery-tiggo-4-pro/ is claimed by the model "4 Pro" of Chery Tiggo and by the model "Tiggo 4 Pro" of Chery (${path.join(dir, "articles/chery-tiggo-4-pro-assembly.md")}:5:10)`,
        fix: "correct whichever name is wrong, or write the model's full name so its page gets an address of its own",
      },
    ]);
  });
});

describe("the front-matter cache", () => {
  it("is written to the given file, and a warm load gives the cold load's news and diagnostics", async () => {
    const dir = await vladivostokFolder();
    const frontMatterCacheFile = path.join(dir, ".cache", "front-matter.jsonl");
    const options = { contentDir: dir, includeDrafts: true, now: NOW, frontMatterCacheFile };
    const cold = await loadNews(options);
    expect((await stat(frontMatterCacheFile)).isFile()).toBe(true);
    const warm = await loadNews(options);
    // Each load reads its bodies through a store of its own: compared by what they read.
    const { parts: coldParts, context: coldContext, ...coldRest } = cold;
    const { parts: warmParts, context: warmContext, ...warmRest } = warm;
    expect(warmRest).toStrictEqual(coldRest);
    expect({ ...warmContext, bodies: undefined }).toStrictEqual({
      ...coldContext,
      bodies: undefined,
    });
    for (const page of cold.news?.articles ?? []) {
      expect(warmParts?.bodyHtml(page.body)).toBe(coldParts?.bodyHtml(page.body));
      expect(warmParts?.articleMeta(page)).toStrictEqual(coldParts?.articleMeta(page));
    }
  });

  it("schedules by the day of the warm load, not of the load that parsed", async () => {
    const dir = await vladivostokFolder();
    const frontMatterCacheFile = path.join(dir, ".cache", "front-matter.jsonl");
    await loadNews({ contentDir: dir, includeDrafts: false, now: NOW, frontMatterCacheFile });
    const { news, diagnostics } = await loadNews({
      contentDir: dir,
      includeDrafts: false,
      now: new Date("2022-06-03T00:00:00Z"),
      frontMatterCacheFile,
    });
    expect({ urls: news?.articles.map((article) => article.url), diagnostics }).toEqual({
      urls: ["/articles/chery-tiggo-8-arrives/", "/articles/chery-dealers/"],
      diagnostics: [],
    });
  });
});
