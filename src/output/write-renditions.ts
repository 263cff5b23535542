import { copyFile, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import Image, { type ImageStat } from "@11ty/eleventy-img";
import { temporaryPathFor } from "../leftovers.ts";
import {
  ENCODER_OPTIONS,
  IMAGES_PATH,
  RENDITION_FORMATS,
  type Rendition,
  type RenditionJob,
} from "../site/renditions.ts";

/** Where encoded pictures are kept between builds, outside any output folder. */
export const DEFAULT_IMAGE_CACHE = ".cache/images";

export interface RenditionsWritten {
  /** Pictures encoded by this run: absent from the cache, or changed. */
  encoded: number;
  /** Pictures copied from the cache without encoding. */
  reused: number;
}

async function isCached(entry: string, job: RenditionJob): Promise<boolean> {
  const names = new Set(await readdir(entry).catch(() => []));
  return job.renditions.every((rendition) => names.has(rendition.fileName));
}

const sameFile = (planned: Rendition) => (stat: ImageStat) =>
  stat.filename === planned.fileName &&
  stat.width === planned.width &&
  stat.height === planned.height;

/**
 * Encodes one picture into a fresh folder and moves it to its cache entry whole, so a build
 * cut off mid-way never leaves an entry that looks complete.
 */
async function encode(job: RenditionJob, entry: string): Promise<void> {
  const partial = temporaryPathFor(entry);
  await rm(partial, { recursive: true, force: true });
  // eleventy-img remembers folders it made once per process; this one may have moved since.
  await mkdir(partial, { recursive: true });
  const stats = await Image(job.source, {
    widths: job.widths,
    formats: [...RENDITION_FORMATS],
    outputDir: partial,
    urlPath: IMAGES_PATH,
    filenameFormat: (_id, _src, width, format) => `${job.key}-${width}.${format}`,
    // Every picture gets every format, transparent ones too: the plan promised them all.
    formatFiltering: [],
    // The cache is ours, keyed by content: eleventy-img's own would key by its output folder.
    useCache: false,
    sharpAvifOptions: { ...ENCODER_OPTIONS.avif },
    sharpWebpOptions: { ...ENCODER_OPTIONS.webp },
    sharpJpegOptions: { ...ENCODER_OPTIONS.jpeg },
  });
  const written = Object.values(stats).flat();
  const missing = job.renditions.filter((planned) => !written.some(sameFile(planned)));
  if (missing.length > 0) {
    await rm(partial, { recursive: true, force: true });
    throw new Error(
      `Internal error: encoding ${job.source} did not give ${missing.map((r) => r.fileName).join(", ")} as planned`,
    );
  }
  await rm(entry, { recursive: true, force: true });
  try {
    await rename(partial, entry);
  } catch (error) {
    // The preview and a build may encode the same picture at once: the first whole entry wins.
    await rm(partial, { recursive: true, force: true });
    if (!(await isCached(entry, job))) throw error;
  }
}

/**
 * Writes every planned picture into `<outputDir>/images/`: copied from its cache entry, or
 * encoded into the cache first when the entry is missing. Each picture is encoded at most once.
 */
export async function writeRenditions(
  jobs: readonly RenditionJob[],
  options: { outputDir: string; cacheDir: string },
): Promise<RenditionsWritten> {
  const written: RenditionsWritten = { encoded: 0, reused: 0 };
  if (jobs.length === 0) return written;
  const target = path.join(options.outputDir, IMAGES_PATH);
  await mkdir(target, { recursive: true });
  await mkdir(options.cacheDir, { recursive: true });
  // One picture at a time: eleventy-img already encodes a picture's files in parallel.
  for (const job of jobs) {
    const entry = path.join(options.cacheDir, job.key);
    if (await isCached(entry, job)) {
      written.reused += 1;
    } else {
      await encode(job, entry);
      written.encoded += 1;
    }
    await Promise.all(
      job.renditions.map((rendition) =>
        copyFile(path.join(entry, rendition.fileName), path.join(target, rendition.fileName)),
      ),
    );
  }
  return written;
}
