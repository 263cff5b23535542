import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { temporaryPathFor } from "../leftovers.ts";
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
export function renderKey(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("base64url");
}

/**
 * The file is JSON Lines: `{"version": …}` first, then one `[key, body]` per line. One JSON
 * document would not do: at 100,000 articles its text is longer than a JavaScript string
 * may be.
 */
interface CacheHeader {
  version: string;
}

type CacheLine = [key: string, body: RenderedBody];

/** Lines written at once: large writes, without holding the whole file in memory. */
const LINES_PER_WRITE = 500;

/** The entries of a cache file of `version`; none when it is missing, damaged or outdated. */
async function readEntries(file: string, version: string): Promise<Map<string, RenderedBody>> {
  const entries = new Map<string, RenderedBody>();
  const stream = createReadStream(file, { encoding: "utf8" });
  try {
    let header: CacheHeader | undefined;
    for await (const line of createInterface({
      input: stream,
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (header === undefined) {
        header = JSON.parse(line) as CacheHeader;
        if (header.version !== version) return new Map();
        continue;
      }
      if (line === "") continue;
      const [key, body] = JSON.parse(line) as CacheLine;
      entries.set(key, body);
    }
    return entries;
  } catch {
    return new Map();
  } finally {
    stream.destroy();
  }
}

/**
 * Rendered bodies kept between builds, outside the output folder, so a build after one edit
 * renders one article. Only entries used by the latest run are saved back, so the file never
 * grows with deleted or edited articles.
 */
export class RenderCache {
  private readonly used = new Map<string, RenderedBody>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly stored: ReadonlyMap<string, RenderedBody>,
  ) {}

  /** A cache that keeps nothing: for tests and one-off checks of other folders. */
  static disabled(): RenderCache {
    return new RenderCache(undefined, "", new Map());
  }

  /** Opens the cache file; a missing, unreadable or outdated file is an empty cache. */
  static async open(file: string, version: string): Promise<RenderCache> {
    return new RenderCache(file, version, await readEntries(file, version));
  }

  get size(): number {
    return this.stored.size;
  }

  /** The body an earlier build (or this one) rendered for `key`. */
  get(key: string): RenderedBody | undefined {
    return this.used.get(key) ?? this.stored.get(key);
  }

  /** Keeps a body for the next build; every body this build used must be set. */
  set(key: string, body: RenderedBody): void {
    if (!this.stored.has(key)) this.changed = true;
    this.used.set(key, body);
  }

  /** Writes the entries of this run, atomically, when anything differs from the stored file. */
  async save(): Promise<void> {
    if (!this.file) return;
    if (!this.changed && this.used.size === this.stored.size) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    // Written beside the file and renamed over it: a run killed mid-way leaves the old file
    // whole and a temporary one that no reader opens and the next build deletes.
    const temporary = temporaryPathFor(this.file);
    const output = await open(temporary, "w");
    try {
      const header: CacheHeader = { version: this.version };
      let lines = [JSON.stringify(header)];
      for (const entry of this.used) {
        lines.push(JSON.stringify(entry satisfies CacheLine));
        if (lines.length >= LINES_PER_WRITE) {
          await output.write(`${lines.join("\n")}\n`);
          lines = [];
        }
      }
      await output.write(`${lines.join("\n")}\n`);
    } catch (error) {
      await output.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await output.close();
    await rename(temporary, this.file);
  }
}
