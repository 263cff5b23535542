import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

const NOW = new Date("2022-06-10T09:00:00Z");

afterEach(removeContentFolders);

/** Front-matter on file lines 2–4, closing fence on 5, blank line 6: the body starts on line 7. */
function cheryArticle(body: string, extra: readonly string[] = []): string {
  return articleText(
    [
      "title: Chery makes localizing car assembly in Russia a top priority",
      "date: 2022-06-01",
      "company: Chery",
      ...extra,
    ],
    body,
  );
}

const crashTest = articleText(
  [
    "title: Tiggo 4 Pro earns five stars in a crash test",
    "date: 2022-06-02",
    "company: Chery",
    "models: [Tiggo 4 Pro]",
  ],
  "The Chery Tiggo 4 Pro scored five stars in the latest crash test.",
);

async function diagnosticsOf(articles: Record<string, string>) {
  const dir = await createContentFolder({ articles });
  const { diagnostics } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
  return { dir, diagnostics };
}

it("reports a link to an article that does not exist at its line in the file", async () => {
  const { dir, diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle(
      [
        "Chery is in talks with several Russian manufacturers.",
        "",
        "Earlier this year the company [see](/articles/no-such-story/) cut prices.",
      ].join("\n"),
    ),
  });
  expect(diagnostics).toEqual([
    {
      file: path.join(dir, "articles/chery-localization.md"),
      line: 9,
      column: 31,
      severity: "error",
      ruleId: "broken-internal-link",
      message: "the link to /articles/no-such-story/ leads to a page that will not exist",
      fix: "correct the address (see the URL scheme in the editors' guide), or link to a published article",
    },
  ]);
});

it("accepts a link to a published article", async () => {
  const { diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle(
      "The [crash test](/articles/chery-tiggo-crash-test/) helped Chery's sales.",
    ),
    "chery-tiggo-crash-test.md": crashTest,
  });
  expect(diagnostics).toEqual([]);
});

it("accepts a link to a company page that the articles create", async () => {
  const { diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle("More news on [Chery](/companies/chery) this week."),
  });
  expect(diagnostics).toEqual([]);
});

it("reports a link from a published article to a draft, which the published site lacks", async () => {
  const { dir, diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle(
      "The [crash test](/articles/chery-tiggo-crash-test/) helped Chery's sales.",
    ),
    "chery-tiggo-crash-test.md": crashTest.replace("company: Chery", "company: Chery\ndraft: true"),
  });
  expect(diagnostics).toEqual([
    {
      file: path.join(dir, "articles/chery-localization.md"),
      line: 7,
      column: 5,
      severity: "error",
      ruleId: "broken-internal-link",
      message: "the link to /articles/chery-tiggo-crash-test/ leads to a page that will not exist",
      fix: "correct the address (see the URL scheme in the editors' guide), or link to a published article",
    },
  ]);
});

it("reports an image without alternative text", async () => {
  const { dir, diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle(
      ["Chery is in talks with several Russian manufacturers.", "", "![](photo.jpg)"].join("\n"),
    ),
  });
  expect(diagnostics.filter((d) => d.ruleId === "image-missing-alt")).toEqual([
    {
      file: path.join(dir, "articles/chery-localization.md"),
      line: 9,
      column: 1,
      severity: "error",
      ruleId: "image-missing-alt",
      message: "this image has no alternative text",
      fix: "describe the picture for readers who cannot see it: ![Chery Tiggo 4 Pro on a test track](photo.jpg)",
    },
  ]);
});

it("refuses a picture in the text, which would show as a broken image", async () => {
  const { dir, diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle(
      "Chery is in talks.\n\n![The Tiggo 4 Pro at the Moscow dealer](https://example.org/tiggo.jpg)",
    ),
  });
  expect(diagnostics).toEqual([
    {
      file: path.join(dir, "articles/chery-localization.md"),
      line: 9,
      column: 1,
      severity: "error",
      ruleId: "body-image",
      message: "pictures inside the article text are not published",
      fix: "make it the lead picture (`image:` and `image_alt:` in the front-matter), or link to it: [photo of the plant](https://…)",
    },
  ]);
});

it("lets a draft link to another draft, since they will be published together", async () => {
  const { diagnostics } = await diagnosticsOf({
    "crash-test.md": articleText(
      [
        "title: Tiggo 4 Pro earns five stars in a crash test",
        "date: 2022-06-02",
        "company: Chery",
        "draft: true",
      ],
      "The Chery Tiggo 4 Pro scored five stars in the latest crash test.",
    ),
    "chery-localization.md": cheryArticle("See [the crash test](/articles/crash-test/).", [
      "draft: true",
    ]),
  });
  expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === "broken-internal-link")).toEqual(
    [],
  );
});

it("accepts links to publishing pages such as the weekly digest index", async () => {
  const { diagnostics } = await diagnosticsOf({
    "chery-localization.md": cheryArticle("More in [this week's digest](/digest/)."),
  });
  expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === "broken-internal-link")).toEqual(
    [],
  );
});
