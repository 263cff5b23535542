import { realpath } from "node:fs/promises";
import path from "node:path";
import { locateInYaml } from "../content/locate-in-yaml.ts";
import type { PreparedArticle } from "../content/validate-article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** An article's lead image, found on disk: the file and what readers are told about it. */
export interface LeadImage {
  /** Absolute, symbolic links resolved, inside the content folder. */
  file: string;
  alt: string;
  caption?: string;
  credit?: string;
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
  const { data, frontMatter, source } = article;
  if (data.image === undefined) return { diagnostics: [] };
  const at = (key: string) => ({
    file: source.file,
    ...locateInYaml(frontMatter.document, frontMatter.lineCounter, [key]),
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
  if (!found || data.image_alt === undefined) return { diagnostics };
  return {
    image: {
      file: found,
      alt: data.image_alt,
      ...(data.image_caption ? { caption: data.image_caption } : {}),
      ...(data.image_credit ? { credit: data.image_credit } : {}),
    },
    diagnostics,
  };
}
