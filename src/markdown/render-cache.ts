import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
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
export const DEFAULT_RENDER_CACHE = ".cache/rendered-bodies.json";

/** Bumped when the stored shape of a rendered body changes. */
const CACHE_FORMAT = 1;

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

interface StoredCache {
  version: string;
  entries: Record<string, RenderedBody>;
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
    const text = await readFile(file, "utf8").catch(() => undefined);
    let stored: StoredCache | undefined;
    try {
      stored = text === undefined ? undefined : (JSON.parse(text) as StoredCache);
    } catch {
      stored = undefined;
    }
    const entries = stored?.version === version ? Object.entries(stored.entries) : [];
    return new RenderCache(file, version, new Map(entries));
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
    const temporary = `${this.file}.${process.pid}.tmp`;
    const stored: StoredCache = { version: this.version, entries: Object.fromEntries(this.used) };
    await writeFile(temporary, JSON.stringify(stored));
    await rename(temporary, this.file);
  }
}
