import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import { temporaryFolder } from "../support/build-fixture.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";
import { attributeValues, parseHtml } from "../support/html.ts";

/** A 1600 × 900 photo-like JPEG, a gradient tinted by `blue`, made here: no binary fixture. */
async function photo(file: string, blue: number): Promise<void> {
  const width = 1600;
  const height = 900;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      pixels.set([(x * 255) / width, (y * 255) / height, blue], (y * width + x) * 3);
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toFile(file);
}

const ARTICLES = {
  "chery-tiggo-arrives.md": articleText([
    "title: Chery Tiggo 4 Pro arrives at dealers",
    "date: 2022-06-02",
    "company: Chery",
    "image: tiggo.jpg",
    "image_alt: A red Chery Tiggo 4 Pro on a test track",
    "image_caption: The Tiggo 4 Pro at the Dmitrov proving ground",
    "image_credit: Chery press office",
  ]),
  "chery-warranty.md": articleText([
    "title: Chery extends its warranty to seven years",
    "date: 2022-06-01",
    "company: Chery",
  ]),
};
const ARTICLE_URL = "/articles/chery-tiggo-arrives/";

let work: string;
let content: string;
let cacheDir: string;

async function build(
  name: string,
): Promise<{ page: (url: string) => Promise<string>; dir: string }> {
  const dir = path.join(work, name);
  const result = await buildSite({ contentDir: content, outputDir: dir, imageCacheDir: cacheDir });
  if (!result.ok) throw new Error(formatReport(result.diagnostics));
  return { dir, page: (url) => readFile(path.join(dir, url, "index.html"), "utf8") };
}

/** Every image URL a page names, in `src` and in each `srcset`. */
function imageUrls(html: string): string[] {
  const root = parseHtml(html);
  return [
    ...attributeValues(root, "img", "src"),
    ...attributeValues(root, "source", "srcset").flatMap((srcset) =>
      srcset.split(", ").map((candidate) => candidate.split(" ")[0] ?? ""),
    ),
  ].filter((url) => url.startsWith("/images/"));
}

async function filesWithTimes(folder: string): Promise<Array<[string, number]>> {
  const names = (await readdir(folder, { recursive: true })).sort();
  return Promise.all(
    names.map(
      async (name): Promise<[string, number]> => [
        name,
        (await stat(path.join(folder, name))).mtimeMs,
      ],
    ),
  );
}

let first: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  work = await temporaryFolder("lead-images");
  content = await createContentFolder({ articles: ARTICLES });
  cacheDir = path.join(work, "cache");
  await photo(path.join(content, "articles", "tiggo.jpg"), 60);
  first = await build("first");
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await removeContentFolders();
});

describe("a build with a lead image", () => {
  it("shows it on the article page as a picture with AVIF and WebP sources and its size", async () => {
    const root = parseHtml(await first.page(ARTICLE_URL));
    const picture = root.querySelector("figure.lead-image picture");
    const img = picture?.querySelector("img");
    expect({
      types: attributeValues(root, "figure.lead-image source", "type"),
      sizes: attributeValues(root, "figure.lead-image source", "sizes")[0],
      img: ["width", "height", "alt", "loading", "fetchpriority", "decoding"].map((name) =>
        img?.getAttribute(name),
      ),
      caption: root.querySelector("figure.lead-image figcaption")?.textContent.trim(),
    }).toEqual({
      types: ["image/avif", "image/webp", "image/jpeg"],
      sizes: "(min-width: 42rem) 40rem, 100vw",
      img: ["960", "540", "A red Chery Tiggo 4 Pro on a test track", "eager", "high", "async"],
      caption: "The Tiggo 4 Pro at the Dmitrov proving ground Chery press office",
    });
  });

  it("writes every file the article page names, at the width its srcset says", async () => {
    const urls = imageUrls(await first.page(ARTICLE_URL));
    const widths = await Promise.all(
      urls.map(async (url) => (await sharp(path.join(first.dir, url)).metadata()).width),
    );
    expect(urls).toHaveLength(10);
    expect(widths).toEqual(urls.map((url) => Number(/-(\d+)\.\w+$/.exec(url)?.[1])));
  });

  it("names an absolute JPEG about 1200 pixels wide for link previews", async () => {
    const root = parseHtml(await first.page(ARTICLE_URL));
    const meta = (selector: string) => root.querySelector(selector)?.getAttribute("content");
    expect({
      image: meta('meta[property="og:image"]'),
      width: meta('meta[property="og:image:width"]'),
      alt: meta('meta[property="og:image:alt"]'),
      card: meta('meta[name="twitter:card"]'),
    }).toEqual({
      image: expect.stringMatching(
        /^https:\/\/news-digest\.example\.org\/images\/[0-9a-f]{16}-1440\.jpeg$/,
      ),
      width: "1440",
      alt: "A red Chery Tiggo 4 Pro on a test track",
      card: "summary_large_image",
    });
  });

  it("gives the NewsArticle JSON-LD the same picture", async () => {
    const root = parseHtml(await first.page(ARTICLE_URL));
    const og = root.querySelector('meta[property="og:image"]')?.getAttribute("content");
    const article = root
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.textContent) as { "@type": string; image?: unknown })
      .find((node) => node["@type"] === "NewsArticle");
    expect(article?.image).toEqual({ "@type": "ImageObject", url: og, width: 1440, height: 810 });
  });

  it("keeps a plain summary card for an article without a picture", async () => {
    const root = parseHtml(await first.page("/articles/chery-warranty/"));
    expect([
      root.querySelector('meta[name="twitter:card"]')?.getAttribute("content"),
      root.querySelector('meta[property="og:image"]'),
      root.querySelector("figure.lead-image"),
    ]).toEqual(["summary", null, null]);
  });

  it("shows a small lazily loaded picture in the lists that show the article", async () => {
    const loadingIn = async (url: string) =>
      attributeValues(parseHtml(await first.page(url)), ".article-card img", "loading");
    expect([await loadingIn("/"), await loadingIn("/companies/chery/")]).toEqual([
      ["lazy"],
      ["lazy"],
    ]);
  });

  it("reuses the cache on the next build instead of encoding again", async () => {
    const before = await filesWithTimes(cacheDir);
    const second = await build("second");
    expect(await filesWithTimes(cacheDir)).toEqual(before);
    expect((await readdir(path.join(second.dir, "images"))).sort()).toEqual(
      (await readdir(path.join(first.dir, "images"))).sort(),
    );
  }, 120_000);

  it("publishes a changed picture under new file names", async () => {
    const before = imageUrls(await first.page(ARTICLE_URL));
    await photo(path.join(content, "articles", "tiggo.jpg"), 200);
    const changed = await build("changed");
    const after = imageUrls(await changed.page(ARTICLE_URL));
    expect(after.filter((url) => before.includes(url))).toEqual([]);
    expect((await readdir(path.join(changed.dir, "images"))).sort()).toEqual(
      [...new Set(after)].map((url) => url.slice("/images/".length)).sort(),
    );
  }, 120_000);
});
