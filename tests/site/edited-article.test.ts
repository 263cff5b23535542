import { describe, expect, it } from "vitest";
import type { Article } from "../../src/markdown/article.ts";
import { isOwnPageEdit, withEditedArticle } from "../../src/site/edited-article.ts";
import { fixtureContent, fixtureNewsWith, withEditedText } from "../support/fixture-news.ts";

const before = {
  file: "content/articles/chery-localization-russia.md",
  slug: "chery-localization-russia",
  url: "/articles/chery-localization-russia/",
  title: "Chery makes localizing car assembly in Russia a top priority",
  date: { iso: "2022-06-01", day: "2022-06-01", hasTime: false, instant: 1654030800000 },
  companies: [{ name: "Chery", written: "Chery", slug: "chery", place: { line: 4, column: 10 } }],
  models: [],
  partners: [],
  source: { name: "TASS", url: "https://tass.com/economy/1459237" },
  draft: false,
  summary: "Chery is pushing ahead with localizing car assembly in Russia.",
  body: { key: "render-key-1", digest: "digest-1", wordCount: 9 },
  bodyStartLine: 12,
} as unknown as Article;

const JUNE_3 = { iso: "2022-06-03", day: "2022-06-03", hasTime: false, instant: 1654203600000 };

/** Edits only the article's own page makes something of. */
const OWN_PAGE_EDITS: Array<[string, Partial<Article>]> = [
  [
    "its text, and the summary it gives",
    {
      summary: "Chery confirmed the talks.",
      body: { key: "render-key-2", digest: "digest-2", wordCount: 4 },
    },
  ] as [string, Partial<Article>],
  ["its headline", { title: "Chery puts localization first" }],
  ["when it was updated", { updated: JUNE_3 }],
  ["its corrections", { corrections: [{ date: JUNE_3, text: "Shmakov is general manager." }] }],
  ["the line its text starts on", { bodyStartLine: 13 }],
  [
    "the line its names are written on",
    {
      companies: [
        { name: "Chery", written: "Chery", slug: "chery", place: { line: 5, column: 10 } },
      ],
    },
  ] as [string, Partial<Article>],
];

/** Edits that move the article among other pages, or change what they link to. */
const SHARED_EDITS: Array<[string, Partial<Article>]> = [
  ["its date", { date: JUNE_3 }],
  ["its company", { companies: [{ name: "Haval", written: "Haval", slug: "haval" }] }],
  [
    "a name written another way",
    { companies: [{ name: "Chery", written: "CHERY", slug: "chery" }] },
  ],
  ["its slug", { slug: "chery-russia", url: "/articles/chery-russia/" }],
  ["its source", { source: { name: "Interfax" } }],
  ["its state", { draft: true }],
] as Array<[string, Partial<Article>]>;

describe("isOwnPageEdit", () => {
  it.each(OWN_PAGE_EDITS)("takes an edit of %s", (_edit, fields) => {
    expect(isOwnPageEdit(before, { ...before, ...fields } as Article)).toBe(true);
  });

  it.each(SHARED_EDITS)("leaves an edit of %s to a full load", (_edit, fields) => {
    expect(isOwnPageEdit(before, { ...before, ...fields } as Article)).toBe(false);
  });

  it("takes nothing of another file for an edit", () => {
    const other = { ...before, file: "content/articles/chery-russia.md" } as Article;
    expect(isOwnPageEdit(before, other)).toBe(false);
  });
});

describe("withEditedArticle", () => {
  const LOCALIZATION = "/articles/chery-localization-russia/";
  const updated = (article: Article): Article => ({ ...article, updated: JUNE_3 });
  const notUpdated = ({ updated: _, ...article }: Article): Article => article;

  it.each<[string, (article: Article) => Article, (article: Article) => Article]>([
    ["its text", (a) => a, withEditedText],
    ["its headline", (a) => a, (a) => ({ ...a, title: "Chery puts localization first" })],
    ["an update added", (a) => a, updated],
    ["an update taken out", updated, notUpdated],
  ])("makes, after an edit of %s, the page a build makes", async (_edit, start, edit) => {
    const { today } = await fixtureContent();
    const news = await fixtureNewsWith(LOCALIZATION, start);
    const built = await fixtureNewsWith(LOCALIZATION, (article) => edit(start(article)));
    const original = (await fixtureContent()).articles.find((a) => a.url === LOCALIZATION);
    if (!original) throw new Error("the fixture corpus has no localization article");
    const edited = withEditedArticle(news, edit(start(original)), today);
    const pageOf = (site: typeof news) => site.articles.find((page) => page.url === LOCALIZATION);
    expect(pageOf(edited)).toEqual(pageOf(built));
    expect(edited.pageMeta[LOCALIZATION]).toEqual(built.pageMeta[LOCALIZATION]);
  });
});
