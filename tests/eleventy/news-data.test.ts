import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  newsForEleventy,
  newsOptionsFromEnvironment,
  previewPicturesFromEnvironment,
} from "../../src/eleventy/news-data.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

afterEach(removeContentFolders);

describe("the data Eleventy is handed", () => {
  it("shows drafts when Eleventy serves a preview, and not in a build", () => {
    expect(newsOptionsFromEnvironment({ ELEVENTY_RUN_MODE: "serve" }).includeDrafts).toBe(true);
    expect(newsOptionsFromEnvironment({ ELEVENTY_RUN_MODE: "build" }).includeDrafts).toBe(false);
  });

  it("writes no pictures outside a preview", () => {
    expect(previewPicturesFromEnvironment({})).toBeUndefined();
  });

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
    await newsForEleventy(
      { contentDir: content, includeDrafts: true },
      { outputDir, cacheDir: path.join(content, "image-cache") },
    );
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
    const options = { contentDir: content, includeDrafts: true };
    const good = await newsForEleventy(options);
    await writeFile(
      path.join(content, "articles", "haval-jolion.md"),
      articleText(
        ["title: Haval cuts Jolion prices", "date: 2022-06-02", "company: Haval"],
        `${"- ".repeat(5000)}Jolion`,
      ),
    );
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const reloaded = await newsForEleventy(options);
      expect(reloaded.articles.map((article) => article.title)).toEqual(
        good.articles.map((article) => article.title),
      );
      expect(printed.mock.calls.join("\n")).toContain(
        "articles/haval-jolion.md:7:65  error  block quotes and lists are nested more than 32 deep here",
      );
    } finally {
      printed.mockRestore();
    }
  });
});
