import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import type { LeadImage } from "../../src/content/article.ts";
import { writeRenditions } from "../../src/output/write-renditions.ts";
import { renditionJob } from "../../src/site/renditions.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A 1000 × 600 photo-like JPEG: a gradient, so the encoders have something to do. */
async function gradientJpeg(file: string): Promise<void> {
  const width = 1000;
  const height = 600;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      pixels.set([(x * 255) / width, (y * 255) / height, 90], (y * width + x) * 3);
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toFile(file);
}

async function setUp() {
  const dir = await temporaryFolder("renditions");
  folders.push(dir);
  const source = path.join(dir, "tiggo.jpg");
  await gradientJpeg(source);
  const image: LeadImage = {
    file: source,
    hash: "5e1d".padEnd(64, "0"),
    width: 1000,
    height: 600,
    alt: "A Chery Tiggo 4 Pro",
  };
  return {
    job: renditionJob(image),
    cacheDir: path.join(dir, "cache"),
    output: (name: string) => path.join(dir, name),
  };
}

describe("writing lead image renditions", () => {
  it("encodes every planned file at its planned size into the output's images folder", async () => {
    const { job, cacheDir, output } = await setUp();
    await writeRenditions([job], { outputDir: output("site"), cacheDir });
    const sizes = await Promise.all(
      job.renditions.map(async (rendition) => {
        const meta = await sharp(
          path.join(output("site"), "images", rendition.fileName),
        ).metadata();
        return [rendition.fileName, meta.format, meta.width, meta.height];
      }),
    );
    expect(sizes).toEqual(
      job.renditions.map((r) => [
        r.fileName,
        r.format === "avif" ? "heif" : r.format,
        r.width,
        r.height,
      ]),
    );
  });

  it("copies a picture the cache holds instead of encoding it again", async () => {
    const { job, cacheDir, output } = await setUp();
    const cold = await writeRenditions([job], { outputDir: output("first"), cacheDir });
    const entry = path.join(cacheDir, job.key);
    const cachedTimes = async () =>
      Promise.all(
        (await readdir(entry))
          .sort()
          .map(async (name) => [name, (await stat(path.join(entry, name))).mtimeMs]),
      );
    const before = await cachedTimes();
    const warm = await writeRenditions([job], { outputDir: output("second"), cacheDir });
    expect([cold, warm, await cachedTimes()]).toEqual([
      { encoded: 1, reused: 0 },
      { encoded: 0, reused: 1 },
      before,
    ]);
    expect((await readdir(path.join(output("second"), "images"))).sort()).toEqual(
      job.renditions.map((r) => r.fileName).sort(),
    );
  });

  it("encodes again when the cache entry lost a file", async () => {
    const { job, cacheDir, output } = await setUp();
    await writeRenditions([job], { outputDir: output("first"), cacheDir });
    await rm(path.join(cacheDir, job.key, job.renditions[0]?.fileName ?? ""));
    const again = await writeRenditions([job], { outputDir: output("second"), cacheDir });
    expect(again).toEqual({ encoded: 1, reused: 0 });
  });

  it("writes no images folder when no article has a picture", async () => {
    const { cacheDir, output } = await setUp();
    await writeRenditions([], { outputDir: output("site"), cacheDir });
    await expect(stat(path.join(output("site"), "images"))).rejects.toThrow(/ENOENT/);
  });
});
