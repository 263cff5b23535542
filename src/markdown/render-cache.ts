import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { cacheKey, JsonLinesCache } from "../json-lines-cache.ts";
import type { BodyFacts } from "./body.ts";
import { BodyStore, htmlDigest } from "./body-store.ts";
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
const CACHE_FORMAT = 3;

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

/** A body's facts as the cache file keeps them, by render key. */
type StoredFacts = Omit<BodyFacts, "key">;

/**
 * The folder of the bodies' HTML, beside the cache file of their facts: its name without
 * `.jsonl` (`rendered-bodies/`), or with `.bodies` added when a cache file is named otherwise.
 */
export function bodiesFolderBeside(cacheFile: string): string {
  return cacheFile.endsWith(".jsonl")
    ? cacheFile.slice(0, -".jsonl".length)
    : `${cacheFile}.bodies`;
}

/**
 * Rendered bodies kept between builds, outside the output folder, so a build after one edit
 * renders one article: each body's facts in one file that a build reads whole (small: no
 * HTML), and its HTML in a `BodyStore` beside it, read only for the pages a build writes.
 * A body is taken from the cache only when both are there.
 */
export class RenderCache {
  private readonly used = new Set<string>();

  private constructor(
    private readonly facts: JsonLinesCache<StoredFacts>,
    readonly bodies: BodyStore,
  ) {}

  /** A cache that keeps nothing between runs: for tests and one-off checks of other folders. */
  static disabled(): RenderCache {
    return new RenderCache(JsonLinesCache.disabled(), BodyStore.inMemory());
  }

  /** Opens the cache file and its bodies' folder; anything missing, unreadable or outdated is empty. */
  static async open(file: string, version: string): Promise<RenderCache> {
    const [facts, bodies] = await Promise.all([
      JsonLinesCache.open<StoredFacts>(file, version),
      BodyStore.open(bodiesFolderBeside(file)),
    ]);
    return new RenderCache(facts, bodies);
  }

  /** Bodies whose facts the cache file held when opened. */
  get size(): number {
    return this.facts.size;
  }

  /** The facts of the body kept for `key`, kept again for the next run; undefined when not kept whole. */
  reuse(key: string): BodyFacts | undefined {
    const facts = this.facts.get(key);
    if (facts === undefined || !this.bodies.has(key)) return undefined;
    this.facts.set(key, facts);
    this.used.add(key);
    return { ...facts, key };
  }

  /** Keeps a body rendered by this run under `key`: its HTML in the store, its facts here. */
  keep(key: string, body: RenderedBody): BodyFacts {
    const { html, ...facts } = body;
    const stored: StoredFacts = { ...facts, digest: htmlDigest(html) };
    this.bodies.put(key, html);
    this.facts.set(key, stored);
    this.used.add(key);
    return { ...stored, key };
  }

  /**
   * Saves this run's bodies for the next: their HTML first, so that the facts the file lists
   * always have their HTML beside them.
   */
  async save(): Promise<void> {
    await this.bodies.save(this.used);
    await this.facts.save();
  }
}
