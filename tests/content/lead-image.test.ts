import { mkdir, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

afterEach(removeContentFolders);

/** A small red JPEG, made here so no binary fixture is committed. */
function smallJpeg(): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 190, g: 30, b: 45 } },
  })
    .jpeg()
    .toBuffer();
}

const withImage = (lines: readonly string[]) =>
  articleText(["title: Chery Tiggo 4 Pro arrives", "date: 2022-06-01", "company: Chery", ...lines]);

async function load(article: string, place?: string) {
  const dir = await createContentFolder({ articles: { "chery-tiggo.md": article } });
  if (place) {
    await mkdir(path.join(dir, path.dirname(place)), { recursive: true });
    await writeFile(path.join(dir, place), await smallJpeg());
  }
  return { dir, ...(await loadArticles(dir, "Europe/Moscow")) };
}

describe("lead images", () => {
  it("are found beside the article, with their alternative text, caption and credit", async () => {
    const { dir, articles } = await load(
      withImage([
        "image: tiggo.jpg",
        "image_alt: A red Chery Tiggo 4 Pro on a test track",
        "image_caption: The Tiggo 4 Pro at the Dmitrov proving ground",
        "image_credit: Chery press office",
      ]),
      "articles/tiggo.jpg",
    );
    expect(articles[0]?.image).toEqual({
      file: path.join(await realpath(dir), "articles", "tiggo.jpg"),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      width: 64,
      height: 48,
      alt: "A red Chery Tiggo 4 Pro on a test track",
      caption: "The Tiggo 4 Pro at the Dmitrov proving ground",
      credit: "Chery press office",
    });
  });

  it("are found in content/images/", async () => {
    const { articles } = await load(
      withImage(["image: tiggo.jpg", "image_alt: A red Chery Tiggo 4 Pro"]),
      "images/tiggo.jpg",
    );
    expect(articles[0]?.image?.file.endsWith(path.join("images", "tiggo.jpg"))).toBe(true);
  });

  it("change their hash when the picture changes", async () => {
    const first = await load(
      withImage(["image: tiggo.jpg", "image_alt: A red Tiggo"]),
      "images/tiggo.jpg",
    );
    const redder = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 220, g: 0, b: 0 } },
    })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(first.dir, "images", "tiggo.jpg"), redder);
    const second = await loadArticles(first.dir, "Europe/Moscow");
    expect(second.articles[0]?.image?.hash).not.toBe(first.articles[0]?.image?.hash);
  });

  it("that are not pictures are an error at the image line", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-tiggo.md": withImage(["image: tiggo.jpg", "image_alt: A red Tiggo"]),
        "tiggo.jpg": "A text file saved with the wrong name.\n",
      },
    });
    const { diagnostics } = await loadArticles(dir, "Europe/Moscow");
    expect(diagnostics).toEqual([
      {
        file: expect.stringMatching(/chery-tiggo\.md$/),
        line: 5,
        column: 8,
        severity: "error",
        ruleId: "lead-image-unreadable",
        message: 'the lead image "tiggo.jpg" is not a JPEG, PNG, WebP or AVIF picture',
        fix: "save the picture as JPEG (photos) or PNG, and name that file",
      },
    ]);
  });

  it("turned by their EXIF orientation report the width and height they are shown at", async () => {
    const dir = await createContentFolder({
      articles: { "chery-tiggo.md": withImage(["image: tiggo.jpg", "image_alt: A red Tiggo"]) },
    });
    const turned = await sharp(await smallJpeg())
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(dir, "articles", "tiggo.jpg"), turned);
    const { articles } = await loadArticles(dir, "Europe/Moscow");
    expect([articles[0]?.image?.width, articles[0]?.image?.height]).toEqual([48, 64]);
  });

  it("without image_alt are an error at the image line", async () => {
    const { diagnostics, articles } = await load(
      withImage(["image: tiggo.jpg"]),
      "images/tiggo.jpg",
    );
    expect([diagnostics, articles]).toEqual([
      [
        {
          file: expect.stringMatching(/chery-tiggo\.md$/),
          line: 5,
          column: 8,
          severity: "error",
          ruleId: "lead-image-missing-alt",
          message: "the lead image has no `image_alt`",
          fix: "describe the picture on the next line: `image_alt: Chery Tiggo 4 Pro on a test track`",
        },
      ],
      [],
    ]);
  });

  it("that do not exist are an error at the image line", async () => {
    const { diagnostics } = await load(withImage(["image: tigo.jpg", "image_alt: A red Tiggo"]));
    expect(diagnostics).toEqual([
      {
        file: expect.stringMatching(/chery-tiggo\.md$/),
        line: 5,
        column: 8,
        severity: "error",
        ruleId: "lead-image-not-found",
        message: 'the lead image "tigo.jpg" is neither beside the article nor in content/images/',
        fix: "check the file name, or put the picture beside the article or in content/images/",
      },
    ]);
  });

  it("outside the content folder are an error at the image line", async () => {
    const { diagnostics } = await load(
      withImage(["image: ../../outside.jpg", "image_alt: A red Tiggo"]),
      "../outside.jpg",
    );
    expect(diagnostics).toEqual([
      {
        file: expect.stringMatching(/chery-tiggo\.md$/),
        line: 5,
        column: 8,
        severity: "error",
        ruleId: "lead-image-outside-content",
        message: 'the lead image "../../outside.jpg" is outside the content folder',
        fix: "put the picture beside the article or in content/images/ and name it there",
      },
    ]);
  });
});
