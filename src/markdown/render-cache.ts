import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { cacheKey, JsonLinesCache } from "../json-lines-cache.ts";
import type { RenderedBody } from "./render-markdown.ts";

/** Packages whose upgrade may change the HTML of a body: a new version empties the cache. */
const RENDERING_PACKAGES = [
  "remark",
  "remark-gfm",
  "remark-html",
  "remark-parse",
  "micromark",
  "mdast-util-to-hast",
  "mdast-util-find-and-replace",
  "hast-util-sanitize",
  "hast-util-to-html",
];

/** The render cache the commands use, beside the project's other caches, outside the output. */
export const DEFAULT_RENDER_CACHE = ".cache/rendered-bodies.jsonl";

/** Bumped when the stored shape of a rendered body changes. */
const CACHE_FORMAT = 2;

const requireFromHere = createRequire(import.meta.url);

async function packageVersion(name: string): Promise<string> {
  try {
    const manifest = requireFromHere.resolve(`${name}/package.json`);
    return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
  } catch {
    // Some packages do not export their manifest; find it from the entry point instead.
    let folder = path.dirname(requireFromHere.resolve(name));
    while (path.basename(folder) !== name && folder !== path.dirname(folder)) {
      folder = path.dirname(folder);
    }
    const text = await readFile(path.join(folder, "package.json"), "utf8").catch(() => "{}");
    return (JSON.parse(text) as { version?: string }).version ?? "unknown";
  }
}

/**
 * What the rendered HTML depends on besides the Markdown itself: the rendering packages'
 * versions and this folder's own source. Any change gives a new version and an empty cache.
 */
export async function rendererVersion(): Promise<string> {
  const hash = createHash("sha256").update(`format ${CACHE_FORMAT}\n`);
  for (const name of RENDERING_PACKAGES) hash.update(`${name}@${await packageVersion(name)}\n`);
  const folder = import.meta.dirname;
  for (const file of (await readdir(folder)).filter((name) => name.endsWith(".ts")).sort()) {
    hash.update(`${file}\n`).update(await readFile(path.join(folder, file)));
  }
  return hash.digest("hex");
}

/** A key for one rendering: everything its HTML depends on, as text. */
export const renderKey = cacheKey;

/**
 * Rendered bodies kept between builds, outside the output folder, so a build after one edit
 * renders one article.
 */
export type RenderCache = JsonLinesCache<RenderedBody>;

export const RenderCache = {
  disabled: (): RenderCache => JsonLinesCache.disabled(),
  open: (file: string, version: string): Promise<RenderCache> => JsonLinesCache.open(file, version),
};
