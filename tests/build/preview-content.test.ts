import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { PreviewContent } from "../../src/build/preview-content.ts";
import type { News, PageParts } from "../../src/site/news.ts";
import { withPageParts } from "../../src/site/page-parts.ts";
import { copyFixture } from "../support/build-fixture.ts";
import { rewrite } from "../support/rewrite-file.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const LOCALIZATION = "/articles/chery-localization-russia/";
const NEW_SENTENCE = "Chery confirmed the talks with UAZ on Friday.";

let content: string;
let article: string;
let preview: PreviewContent;

beforeEach(async () => {
  content = await copyFixture(CORPUS);
  article = path.join(content, "articles", "chery-localization-russia.md");
  preview = new PreviewContent({ contentDir: content, includeDrafts: true });
  await preview.load();
});
afterEach(async () => {
  await rm(path.dirname(content), { recursive: true, force: true });
});

/** What a full load of the content as it is now makes of the page at `url`. */
async function fullLoadPage(url: string) {
  return pageOf(await loadNews({ contentDir: content, includeDrafts: true }), url);
}

/** The page at `url` as it is written, with its body, and its head metadata. */
function pageOf(site: { news?: News; parts?: PageParts } | undefined, url: string) {
  const { news, parts } = site ?? {};
  if (!news || !parts) throw new Error("no site was made");
  const written = withPageParts(news, parts);
  return {
    page: written.articles.find((page) => page.url === url),
    meta: written.pageMeta[url],
  };
}

describe("PreviewContent", () => {
  it("makes an article's page after an edit of its text exactly as a full load makes it", async () => {
    await appendFile(article, `\n${NEW_SENTENCE}\n`);
    const edited = await preview.afterEdit([article]);
    expect(edited?.url).toBe(LOCALIZATION);
    const made = pageOf(edited, LOCALIZATION);
    expect(made.page?.html).toContain(NEW_SENTENCE);
    expect(made).toEqual(await fullLoadPage(LOCALIZATION));
  });

  it("makes the summary of an article without one anew from the edited first paragraph", async () => {
    // The one article of the corpus without a `summary:`.
    const warehouse = path.join(content, "articles", "chery-parts-warehouse-moscow.md");
    const text = await readFile(warehouse, "utf8");
    const end = text.indexOf("\n---\n") + "\n---\n".length;
    await writeFile(warehouse, `${text.slice(0, end)}\n${NEW_SENTENCE}\n${text.slice(end)}`);
    const edited = await preview.afterEdit([warehouse]);
    const made = pageOf(edited, edited?.url as string);
    expect(made.page?.summary).toContain(NEW_SENTENCE);
    expect(made).toEqual(await fullLoadPage(edited?.url as string));
  });

  /** Front-matter edits only the article's own page makes something of: `[what, from, to]`. */
  const OWN_PAGE_EDITS: Array<[string, string, string]> = [
    ["its headline", "a top priority", "the top priority"],
    ["when it was updated", "date: 2022-06-01\n", "date: 2022-06-01\nupdated: 2022-06-03\n"],
    [
      "its corrections",
      "date: 2022-06-01\n",
      'date: 2022-06-01\ncorrections:\n  - { date: 2022-06-02, text: "Shmakov is general manager, not director." }\n',
    ],
    ["its summary", "intensive talks", "talks"],
  ];

  it.each(OWN_PAGE_EDITS)(
    "makes an article's page after an edit of %s exactly as a full load makes it",
    async (_edit, from, to) => {
      await rewrite(article, (text) => text.replace(from, to));
      const edited = await preview.afterEdit([article]);
      expect(edited?.url).toBe(LOCALIZATION);
      expect(pageOf(edited, LOCALIZATION)).toEqual(await fullLoadPage(LOCALIZATION));
    },
  );

  /** Front-matter edits that move the article among other pages: `[what, from, to]`. */
  const SHARED_EDITS: Array<[string, string, string]> = [
    ["its date", "date: 2022-06-01", "date: 2022-06-03"],
    ["its models", "models: [Tiggo 4 Pro]", "models: [Tiggo 4 Pro, Tiggo 7 Pro]"],
    ["its source", "name: TASS", "name: Interfax"],
    ["its slug", "date: 2022-06-01\n", "date: 2022-06-01\nslug: chery-russia\n"],
  ];

  it.each(SHARED_EDITS)("leaves an edit of %s to the next load", async (_edit, from, to) => {
    await rewrite(article, (text) => text.replace(from, to));
    expect(await preview.afterEdit([article])).toBeUndefined();
  });

  it("leaves an edit whose text links to a page the site does not have to the next load, which reports it", async () => {
    await appendFile(article, "\nSee [the plant](/companies/no-such-company/).\n");
    expect(await preview.afterEdit([article])).toBeUndefined();
    expect((await preview.load()).news).toBeUndefined();
  });

  it("leaves an edit of the registry or the settings to the next load", async () => {
    const registry = path.join(content, "registry", "companies.yaml");
    expect(await preview.afterEdit([registry])).toBeUndefined();
    expect(await preview.afterEdit([path.join(content, "site.yaml")])).toBeUndefined();
  });

  it("leaves an edit of several files at once to the next load", async () => {
    await appendFile(article, `\n${NEW_SENTENCE}\n`);
    const other = path.join(content, "articles", "geely-coolray-recall.md");
    expect(await preview.afterEdit([article, other])).toBeUndefined();
  });

  it("makes nothing after a load with an error, so the preview keeps the last good site", async () => {
    const other = path.join(content, "articles", "geely-coolray-recall.md");
    await writeFile(other, "---\ntitle: Geely recalls the Coolray\n---\n\nNo date.\n");
    expect((await preview.load()).news).toBeUndefined();
    await appendFile(article, `\n${NEW_SENTENCE}\n`);
    expect(await preview.afterEdit([article])).toBeUndefined();
  });
});
