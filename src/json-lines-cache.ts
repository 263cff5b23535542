import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { temporaryPathFor } from "./leftovers.ts";

/** A key for one cached result: everything it depends on, as text. */
export function cacheKey(parts: readonly string[]): string {
  const hash = createHash("sha256");
  // Each part's length comes first, so ["ab", "c"] and ["a", "bc"] differ.
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("base64url");
}

/**
 * The file is JSON Lines: `{"version": …}` first, then one `[key, value]` per line. One JSON
 * document would not do: at 100,000 articles its text is longer than a JavaScript string
 * may be.
 */
interface CacheHeader {
  version: string;
}

type CacheLine<T> = [key: string, value: T];

/** Lines written at once: large writes, without holding the whole file in memory. */
const LINES_PER_WRITE = 500;

/**
 * The entries of a cache file of `version`; none when it is missing, damaged or outdated.
 * Lines are split by hand, on the `\n` that `save` writes, rather than by `readline`, which
 * looked for every kind of line break and took longer than parsing the lines.
 */
async function readEntries<T>(file: string, version: string): Promise<Map<string, T>> {
  const entries = new Map<string, T>();
  const stream = createReadStream(file, { encoding: "utf8" });
  let header: CacheHeader | undefined;
  /** Takes one line; false when the file is of another version. */
  const take = (line: string): boolean => {
    if (header === undefined) {
      header = JSON.parse(line) as CacheHeader;
      return header?.version === version;
    }
    if (line !== "") {
      const [key, value] = JSON.parse(line) as CacheLine<T>;
      entries.set(key, value);
    }
    return true;
  };
  try {
    let partial = "";
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = `${partial}${chunk}`.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (!take(line)) return new Map();
    }
    if (partial !== "" && !take(partial)) return new Map();
    return entries;
  } catch {
    return new Map();
  } finally {
    stream.destroy();
  }
}

/**
 * Results kept between runs in one file outside the output folder, valid for one `version`
 * of what computes them. Only entries used by the latest run are saved back, so the file
 * never grows with deleted or edited files. Values must survive `JSON.stringify` unchanged.
 */
export class JsonLinesCache<T> {
  private readonly used = new Map<string, T>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly stored: ReadonlyMap<string, T>,
  ) {}

  /** A cache that keeps nothing: for tests and one-off checks of other folders. */
  static disabled<T>(): JsonLinesCache<T> {
    return new JsonLinesCache<T>(undefined, "", new Map());
  }

  /** Opens the cache file; a missing, unreadable or outdated file is an empty cache. */
  static async open<T>(file: string, version: string): Promise<JsonLinesCache<T>> {
    return new JsonLinesCache(file, version, await readEntries<T>(file, version));
  }

  get size(): number {
    return this.stored.size;
  }

  /** The value an earlier run (or this one) kept for `key`. */
  get(key: string): T | undefined {
    return this.used.get(key) ?? this.stored.get(key);
  }

  /** Keeps a value for the next run; every value this run used must be set. */
  set(key: string, value: T): void {
    if (!this.stored.has(key)) this.changed = true;
    this.used.set(key, value);
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
        lines.push(JSON.stringify(entry satisfies CacheLine<T>));
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
