import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { ContentError } from "../../src/diagnostics/content-error.ts";
import { PreviewSite } from "../../src/output/preview-site.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

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
