import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { placeIn } from "../yaml/locate-in-yaml.ts";
import type { LeadImage } from "./article.ts";
import type { PreparedArticle } from "./validate-article.ts";

/** Formats sharp reads on every platform the site builds on; the build encodes from these. */
const READABLE_FORMATS = new Set(["jpeg", "png", "webp", "avif"]);

/** EXIF orientations 5 to 8 turn the picture a quarter: width and height trade places. */
const isTurned = (orientation: number | undefined) =>
  orientation !== undefined && orientation >= 5 && orientation <= 8;

/**
 * Reads the whole file once, for its hash and header; undefined when it is not a picture the
 * build can encode. Only the header is decoded, so this stays cheap enough for `check`:
 * encoding is left to the build.
 */
async function inspect(
  file: string,
): Promise<Pick<LeadImage, "hash" | "width" | "height"> | undefined> {
  const bytes = await readFile(file);
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  const { format, width = 0, height = 0 } = metadata ?? {};
  if (!format || !READABLE_FORMATS.has(format) || width === 0 || height === 0) return undefined;
  return {
    hash: createHash("sha256").update(bytes).digest("hex"),
    ...(isTurned(metadata?.orientation) ? { width: height, height: width } : { width, height }),
  };
}

export const IMAGES_FOLDER = "images";

async function existing(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch {
    return undefined;
  }
}

const isInside = (file: string, folder: string) => {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
};

/**
 * Finds an article's `image`: beside the article first, then in `content/images/`. A file
 * that is not there, or that lies (or links) outside the content folder, is an error at the
 * `image` line, and so is an image without `image_alt`.
 */
export async function findLeadImage(
  article: PreparedArticle,
  contentDir: string,
): Promise<{ image?: LeadImage; diagnostics: Diagnostic[] }> {
  const { data, places, source } = article;
  if (data.image === undefined) return { diagnostics: [] };
  const at = (key: string) => ({
    file: source.file,
    ...placeIn(places, [key]),
  });
  const diagnostics: Diagnostic[] = [];
  if (data.image_alt === undefined) {
    diagnostics.push({
      ...at("image"),
      severity: "error",
      ruleId: "lead-image-missing-alt",
      message: "the lead image has no `image_alt`",
      fix: "describe the picture on the next line: `image_alt: Chery Tiggo 4 Pro on a test track`",
    });
  }
  const content = await realpath(contentDir);
  const candidates = [
    path.resolve(path.dirname(path.resolve(source.file)), data.image),
    path.resolve(content, IMAGES_FOLDER, data.image),
  ];
  let found: string | undefined;
  let outside = false;
  for (const candidate of candidates) {
    const file = await existing(candidate);
    if (file === undefined) continue;
    if (isInside(file, content)) {
      found = file;
      break;
    }
    outside = true;
  }
  if (!found) {
    diagnostics.push(
      outside
        ? {
            ...at("image"),
            severity: "error",
            ruleId: "lead-image-outside-content",
            message: `the lead image "${data.image}" is outside the content folder`,
            fix: "put the picture beside the article or in content/images/ and name it there",
          }
        : {
            ...at("image"),
            severity: "error",
            ruleId: "lead-image-not-found",
            message: `the lead image "${data.image}" is neither beside the article nor in content/images/`,
            fix: "check the file name, or put the picture beside the article or in content/images/",
          },
    );
  }
  if (!found) return { diagnostics };
  const facts = await inspect(found);
  if (!facts) {
    diagnostics.push({
      ...at("image"),
      severity: "error",
      ruleId: "lead-image-unreadable",
      message: `the lead image "${data.image}" is not a JPEG, PNG, WebP or AVIF picture`,
      fix: "save the picture as JPEG (photos) or PNG, and name that file",
    });
  }
  if (!facts || data.image_alt === undefined) return { diagnostics };
  return {
    image: {
      file: found,
      ...facts,
      alt: data.image_alt,
      ...(data.image_caption ? { caption: data.image_caption } : {}),
      ...(data.image_credit ? { credit: data.image_credit } : {}),
    },
    diagnostics,
  };
}
