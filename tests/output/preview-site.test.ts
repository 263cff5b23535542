import { appendFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { PreviewContent } from "../../src/build/preview-content.ts";
import { ContentError } from "../../src/diagnostics/content-error.ts";
import { writePages } from "../../src/output/eleventy-site.ts";
import { PreviewSite } from "../../src/output/preview-site.ts";
import { copyFixture, expectSameFiles, temporaryFolder } from "../support/build-fixture.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";
import { rewrite } from "../support/rewrite-file.ts";

afterEach(removeContentFolders);

/** A preview of `contentDir`, as `npm start` makes one, writing into `outputDir`. */
function previewOf(contentDir: string, outputDir = path.join(contentDir, "preview-output")) {
  return new PreviewSite({
    load: () => loadNews({ contentDir, includeDrafts: true }),
    outputDir,
    imageCacheDir: path.join(contentDir, "image-cache"),
  });
}

describe("the preview's site model", () => {
  it("writes the lead pictures of a preview into its output folder", async () => {
    const content = await createContentFolder({
      articles: {
        "chery-tiggo-arrives.md": articleText([
          "title: Chery Tiggo 4 Pro arrives at dealers",
          "date: 2022-06-02",
          "company: Chery",
          "image: tiggo.jpg",
          "image_alt: A red Chery Tiggo 4 Pro on a test track",
        ]),
      },
    });
    await sharp({ create: { width: 640, height: 360, channels: 3, background: "#b3261e" } })
      .jpeg()
      .toFile(path.join(content, "articles", "tiggo.jpg"));
    const outputDir = path.join(content, "preview-output");
    await previewOf(content, outputDir).next();
    const written = await readdir(path.join(outputDir, "images"));
    expect(written.filter((name) => name.endsWith(".avif"))).toHaveLength(2);
    expect(written.filter((name) => name.endsWith(".jpeg"))).toHaveLength(2);
  });

  it("prints the report on a preview reload with a body nested too deeply, keeping the last good site", async () => {
    const content = await createContentFolder({
      articles: {
        "haval-jolion.md": articleText([
          "title: Haval cuts Jolion prices",
          "date: 2022-06-02",
          "company: Haval",
        ]),
      },
    });
    const preview = previewOf(content);
    const good = await preview.next();
    await writeFile(
      path.join(content, "articles", "haval-jolion.md"),
      articleText(
        ["title: Haval cuts Jolion prices", "date: 2022-06-02", "company: Haval"],
        `${"- ".repeat(5000)}Jolion`,
      ),
    );
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const reloaded = await preview.next();
      expect(good.articles.map((article) => article.title)).toEqual(["Haval cuts Jolion prices"]);
      // The pages of the last good site are in place: the rebuild writes none of them again.
      expect(reloaded.articles).toEqual([]);
      expect(reloaded.site).toEqual(good.site);
      expect(printed.mock.calls.join("\n")).toContain(
        "articles/haval-jolion.md:7:65  error  block quotes and lists are nested more than 32 deep here",
      );
    } finally {
      printed.mockRestore();
    }
  });

  it("stops with the report when the content has an error before any good version", async () => {
    const content = await createContentFolder({
      articles: {
        "haval-jolion.md": articleText(["title: Haval cuts Jolion prices", "date: 2022-06-02"]),
      },
    });
    await expect(previewOf(content).next()).rejects.toBeInstanceOf(ContentError);
  });
});

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const LOCALIZATION = "/articles/chery-localization-russia/";
const NEW_SENTENCE = "Chery confirmed the talks with UAZ on Friday.";

/**
 * A preview as `npm start` makes one, writing into `<root>/_preview`: its latest load kept for
 * the edits that follow, the load `npm start` checks handed over for its first build.
 */
async function previewAsStarted(content: string, root: string): Promise<PreviewSite> {
  const loads = new PreviewContent({ contentDir: content, includeDrafts: true });
  return new PreviewSite({
    load: () => loads.load(),
    edited: (files) => loads.afterEdit(files),
    outputDir: path.join(root, "_preview"),
    imageCacheDir: path.join(root, "image-cache"),
    first: await loads.load(),
  });
}

describe("the preview after an edit of an article's text", () => {
  let root: string;
  let content: string;
  let output: string;
  let preview: PreviewSite;
  const article = () => path.join(content, "articles", "chery-localization-russia.md");

  /**
   * Writes what the preview hands its next rebuild, then tells it the rebuild is written, as
   * Eleventy's dev server does.
   */
  const rebuild = async () => {
    await writePages(output, await preview.next());
    await preview.removeGonePages();
  };
  const exists = (url: string) =>
    readFile(path.join(output, url, "index.html")).then(
      () => true,
      () => false,
    );

  /** The site a preview of the content as it is now writes from nothing, drafts included. */
  async function freshPreview(): Promise<string> {
    const fresh = path.join(root, `fresh-${Date.now()}`);
    await writePages(fresh, await previewOf(content, fresh).next());
    return fresh;
  }

  beforeEach(async () => {
    root = await temporaryFolder("preview");
    content = await copyFixture(CORPUS);
    output = path.join(root, "_preview");
    preview = await previewAsStarted(content, root);
    await rebuild();
  }, 60_000);
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  it("writes the edited article's page ahead of the rebuild, as a fresh build writes it", async () => {
    await appendFile(article(), `\n${NEW_SENTENCE}\n`);
    expect(await preview.writeEditedFirst([article()])).toBe(LOCALIZATION);
    const page = path.join(LOCALIZATION, "index.html");
    const shown = await readFile(path.join(output, page), "utf8");
    expect(shown).toContain(NEW_SENTENCE);
    expect(shown).toBe(await readFile(path.join(await freshPreview(), page), "utf8"));
  }, 60_000);

  it("holds, once the rebuild follows, what a fresh build of the same content writes", async () => {
    await appendFile(article(), `\n${NEW_SENTENCE}\n`);
    await preview.writeEditedFirst([article()]);
    await rebuild();
    expectSameFiles(output, await freshPreview());
  }, 60_000);

  it("writes the page ahead after an edit of its headline, as a fresh build writes it", async () => {
    await rewrite(article(), (text) => text.replace("a top priority", "the top priority"));
    expect(await preview.writeEditedFirst([article()])).toBe(LOCALIZATION);
    const page = path.join(LOCALIZATION, "index.html");
    const shown = await readFile(path.join(output, page), "utf8");
    expect(shown).toContain("the top priority");
    expect(shown).toBe(await readFile(path.join(await freshPreview(), page), "utf8"));
  }, 60_000);

  it("deletes a deleted article's page only once the rebuild has written the lists that linked it", async () => {
    await rm(article());
    const news = await preview.next();
    expect(await exists(LOCALIZATION)).toBe(true);
    await writePages(output, news);
    const home = await readFile(path.join(output, "index.html"), "utf8");
    expect(home).not.toContain(`href="${LOCALIZATION}"`);
    await preview.removeGonePages();
    expect(await exists(LOCALIZATION)).toBe(false);
  }, 60_000);

  it("keeps the page of an article deleted in a rebuild that never ended, once it is back", async () => {
    const text = await readFile(article(), "utf8");
    await rm(article());
    await preview.next();
    await writeFile(article(), text);
    await rebuild();
    expect(await exists(LOCALIZATION)).toBe(true);
  }, 60_000);

  it("writes nothing ahead of the rebuild for an edit of the date, which the rebuild shows", async () => {
    await rewrite(article(), (text) => text.replace("date: 2022-06-01", "date: 2022-06-03"));
    expect(await preview.writeEditedFirst([article()])).toBeUndefined();
    await rebuild();
    const page = await readFile(path.join(output, LOCALIZATION, "index.html"), "utf8");
    expect(page).toContain("2022-06-03");
  }, 60_000);
});

it("rehearses before its first build by writing the newest article's page, as that build writes it", async () => {
  const root = await temporaryFolder("preview");
  const content = await copyFixture(CORPUS);
  try {
    const preview = await previewAsStarted(content, root);
    await preview.rehearse();
    const articles = path.join(root, "_preview", "articles");
    const written = await readdir(articles);
    expect(written).toHaveLength(1);
    const page = path.join(articles, written[0] as string, "index.html");
    const ahead = await readFile(page, "utf8");
    await writePages(path.join(root, "_preview"), await preview.next());
    expect(await readFile(page, "utf8")).toBe(ahead);
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(path.dirname(content), { recursive: true, force: true });
  }
}, 60_000);
