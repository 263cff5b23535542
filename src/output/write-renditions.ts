import { copyFile, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import Image, { type ImageStat } from "@11ty/eleventy-img";
import { temporaryPathFor } from "../leftovers.ts";
import { mapBounded } from "../map-bounded.ts";
import {
  ENCODER_OPTIONS,
  IMAGES_PATH,
  RENDITION_FORMATS,
  type Rendition,
  type RenditionJob,
} from "../site/renditions.ts";
import { outputFileOf } from "../urls.ts";

/** Files copied at once: enough to keep the disk busy, few enough for the file handles. */
const COPIES_AT_ONCE = 16;

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

export interface EncodedRenditions extends RenditionsWritten {
  /** Every planned picture's file in the cache, by its path inside the site. */
  files: Map<string, string>;
}

/**
 * Makes sure every planned picture is in the cache, encoding the missing ones (each at most
 * once), and returns where each file is. A cache entry is never written again once whole
 * (a changed picture gets another key), so a site may link its files.
 */
export async function encodeRenditions(
  jobs: readonly RenditionJob[],
  cacheDir: string,
): Promise<EncodedRenditions> {
  const encoded: EncodedRenditions = { encoded: 0, reused: 0, files: new Map() };
  if (jobs.length === 0) return encoded;
  await mkdir(cacheDir, { recursive: true });
  // One picture at a time: eleventy-img already encodes a picture's files in parallel.
  for (const job of jobs) {
    const entry = path.join(cacheDir, job.key);
    if (await isCached(entry, job)) {
      encoded.reused += 1;
    } else {
      await encode(job, entry);
      encoded.encoded += 1;
    }
    for (const rendition of job.renditions) {
      encoded.files.set(
        outputFileOf(`${IMAGES_PATH}${rendition.fileName}`),
        path.join(entry, rendition.fileName),
      );
    }
  }
  return encoded;
}

/**
 * Writes every planned picture into `<outputDir>/images/`: copied from its cache entry, or
 * encoded into the cache first when the entry is missing.
 */
export async function writeRenditions(
  jobs: readonly RenditionJob[],
  options: { outputDir: string; cacheDir: string },
): Promise<RenditionsWritten> {
  const { files, ...written } = await encodeRenditions(jobs, options.cacheDir);
  if (files.size === 0) return written;
  await mkdir(path.join(options.outputDir, IMAGES_PATH), { recursive: true });
  await mapBounded([...files], COPIES_AT_ONCE, ([file, cached]) =>
    copyFile(cached, path.join(options.outputDir, file)),
  );
  return written;
}
