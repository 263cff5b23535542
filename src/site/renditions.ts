import { createHash } from "node:crypto";
import type { LeadImage } from "../content/article.ts";
import type { Article } from "../markdown/article.ts";

/** Where encoded pictures are kept between builds, outside any output folder. */
export const DEFAULT_IMAGE_CACHE = ".cache/images";

/** A phone's column, the article column (40rem) at 1.5× and at 2×. */
export const RENDITION_WIDTHS: readonly number[] = [480, 960, 1440];

/** Best first: a browser takes the first `<source>` type it can show. */
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

/** Options for sharp's encoders, per format: part of every file name, so a change renames. */
export const ENCODER_OPTIONS = {
  avif: { quality: 55 },
  webp: { quality: 75 },
  jpeg: { quality: 80, mozjpeg: true },
} as const;

/** Where renditions are published, below the output folder. */
export const IMAGES_PATH = "/images/";

/** Link previews ask for about 1200 pixels across. */
const SHARE_WIDTH = 1200;
/** The `<img src>` for browsers without `srcset`: the article column at 1.5×. */
const FALLBACK_WIDTH = 960;

/**
 * How wide the picture is drawn, matching `templates/assets/site.css`: the article column
 * (40rem) on the article page, the card's picture (20rem) in lists; the whole screen below.
 */
export const PICTURE_SIZES = {
  page: "(min-width: 42rem) 40rem, 100vw",
  card: "(min-width: 22rem) 20rem, 100vw",
} as const;

const MIME_TYPES: Record<RenditionFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};

/** One encoded file of a lead image. */
export interface Rendition {
  format: RenditionFormat;
  width: number;
  height: number;
  /** File name, the same in the cache entry and in the output's `images/` folder. */
  fileName: string;
  /** Site-relative: `/images/<key>-960.webp`. */
  url: string;
}

/** The files one distinct picture is published as, and where to encode them from. */
export interface RenditionJob {
  /** The picture's file in the content folder. */
  source: string;
  /** Names the cache entry and starts every file name: the picture's bytes and the settings. */
  key: string;
  widths: number[];
  renditions: Rendition[];
}

/** What templates show of a lead image; every value final. */
export interface LeadImageView {
  /** For `<source type srcset>`, best format first: each file with its width, narrowest first. */
  sources: Array<{ type: string; candidates: Array<{ url: string; width: number }> }>;
  /** The `<img>`: its own file and the dimensions that reserve its space. */
  fallback: { src: string; width: number; height: number };
  /** For `sizes`, on the article page and in lists. */
  sizes: typeof PICTURE_SIZES;
  alt: string;
  caption?: string;
  credit?: string;
}

/** The picture link previews show (`og:image`, JSON-LD), site-relative. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The offered widths narrower than the picture, plus the picture's own width up to the widest
 * offered: nothing is enlarged, and no detail the picture has is thrown away.
 */
export function renditionWidths(sourceWidth: number): number[] {
  const widest = RENDITION_WIDTHS.at(-1) ?? sourceWidth;
  const narrower = RENDITION_WIDTHS.filter((width) => width < Math.min(sourceWidth, widest));
  return [...narrower, Math.min(sourceWidth, widest)];
}

function renditionKey(image: LeadImage): string {
  const settings = JSON.stringify([RENDITION_WIDTHS, RENDITION_FORMATS, ENCODER_OPTIONS]);
  return createHash("sha256").update(`${image.hash}\n${settings}`).digest("hex").slice(0, 16);
}

/** Every file a lead image is published as, decided from its hash and size alone. */
export function renditionJob(image: LeadImage): RenditionJob {
  const key = renditionKey(image);
  const widths = renditionWidths(image.width);
  const renditions = RENDITION_FORMATS.flatMap((format) =>
    widths.map((width): Rendition => {
      const fileName = `${key}-${width}.${format}`;
      // Rounded down, as the encoder computes the height of a narrower copy.
      const height = Math.floor((width * image.height) / image.width);
      return { format, width, height, fileName, url: `${IMAGES_PATH}${fileName}` };
    }),
  );
  return { source: image.file, key, widths, renditions };
}

const jpegs = (job: RenditionJob) => job.renditions.filter((r) => r.format === "jpeg");

/** The narrowest JPEG at least `width` across, or the widest there is. */
function jpegAtLeast(job: RenditionJob, width: number): Rendition {
  const all = jpegs(job);
  const wide = all.find((rendition) => rendition.width >= width) ?? all.at(-1);
  if (!wide) throw new Error(`Internal error: no JPEG planned for ${job.source}`);
  return wide;
}

/** The widest JPEG no wider than `width`, or the narrowest there is. */
function jpegAtMost(job: RenditionJob, width: number): Rendition {
  const all = jpegs(job);
  const narrow = all.filter((rendition) => rendition.width <= width).at(-1) ?? all[0];
  if (!narrow) throw new Error(`Internal error: no JPEG planned for ${job.source}`);
  return narrow;
}

export function leadImageView(image: LeadImage): LeadImageView {
  const job = renditionJob(image);
  const fallback = jpegAtMost(job, FALLBACK_WIDTH);
  return {
    sources: RENDITION_FORMATS.map((format) => ({
      type: MIME_TYPES[format],
      candidates: job.renditions
        .filter((rendition) => rendition.format === format)
        .map(({ url, width }) => ({ url, width })),
    })),
    fallback: { src: fallback.url, width: fallback.width, height: fallback.height },
    sizes: PICTURE_SIZES,
    alt: image.alt,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
  };
}

export function shareImage(image: LeadImage): ShareImage {
  const { url, width, height } = jpegAtLeast(renditionJob(image), SHARE_WIDTH);
  return { url, width, height, alt: image.alt };
}

/** One job per distinct picture: articles sharing a picture share its files. */
export function renditionJobs(articles: readonly Article[]): RenditionJob[] {
  const jobs = new Map<string, RenditionJob>();
  for (const article of articles) {
    if (!article.image) continue;
    const job = renditionJob(article.image);
    if (!jobs.has(job.key)) jobs.set(job.key, job);
  }
  return [...jobs.values()];
}
