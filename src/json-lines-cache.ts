import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { appendFile, mkdir, open, rename, rm } from "node:fs/promises";
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
 * A run adds its new entries at the end of the file; once more than this share of the file's
 * lines are entries no run uses any more (edited or deleted articles), it is written anew.
 */
const OUTDATED_SHARE = 0.25;

/** What a cache file held: its entries, and its entry lines (outdated and repeated included). */
interface StoredEntries<T> {
  entries: Map<string, T>;
  /** Entry lines of a file of this version; undefined when there was no such file. */
  lines: number | undefined;
}

/** `[key, value]` from one line; undefined for a line a killed run left torn. */
function parseLine<T>(line: string): CacheLine<T> | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    return Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string"
      ? (parsed as CacheLine<T>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of a cache file of `version`; none when it is missing, unreadable or outdated.
 * A line that is not a whole entry is skipped: appending is the only way a line gets written
 * in place, and a killed run can only leave its last line torn; each entry is found by a key
 * of everything it depends on, so skipping one only means computing it again.
 * Lines are split by hand, on the `\n` that `save` writes, rather than by `readline`, which
 * looked for every kind of line break and took longer than parsing the lines.
 */
async function readEntries<T>(file: string, version: string): Promise<StoredEntries<T>> {
  const entries = new Map<string, T>();
  const stream = createReadStream(file, { encoding: "utf8" });
  let header: CacheHeader | undefined;
  let lines = 0;
  /** Takes one line; false when the file is of another version. */
  const take = (line: string): boolean => {
    if (header === undefined) {
      header = JSON.parse(line) as CacheHeader;
      return header?.version === version;
    }
    if (line === "") return true;
    lines++;
    const entry = parseLine<T>(line);
    if (entry) entries.set(entry[0], entry[1]);
    return true;
  };
  const none: StoredEntries<T> = { entries: new Map(), lines: undefined };
  try {
    let partial = "";
    for await (const chunk of stream as AsyncIterable<string>) {
      const split = `${partial}${chunk}`.split("\n");
      partial = split.pop() ?? "";
      for (const line of split) if (!take(line)) return none;
    }
    if (partial !== "" && !take(partial)) return none;
    return header === undefined ? none : { entries, lines };
  } catch {
    return none;
  } finally {
    stream.destroy();
  }
}

/** `entries` as JSON Lines, `LINES_PER_WRITE` at a time. */
async function writeLines(
  write: (text: string) => Promise<unknown>,
  entries: Iterable<CacheLine<unknown>>,
  first: string[] = [],
): Promise<void> {
  let lines = first;
  for (const entry of entries) {
    lines.push(JSON.stringify(entry));
    if (lines.length >= LINES_PER_WRITE) {
      await write(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) await write(`${lines.join("\n")}\n`);
}

/**
 * Results kept between runs in one file outside the output folder, valid for one `version`
 * of what computes them. A run adds the entries it computed at the end of the file, so a
 * build after one edit writes one line, not the whole file; once a quarter of the lines are
 * entries the latest run did not use (of edited or deleted files), the file is written anew
 * with only those it used, so it never grows past a third more than the content needs.
 * Values must survive `JSON.stringify` unchanged.
 */
export class JsonLinesCache<T> {
  private readonly used = new Map<string, T>();

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly stored: ReadonlyMap<string, T>,
    /** Entry lines of the file as opened; undefined when it must be written anew. */
    private readonly storedLines: number | undefined,
  ) {}

  /** A cache that keeps nothing: for tests and one-off checks of other folders. */
  static disabled<T>(): JsonLinesCache<T> {
    return new JsonLinesCache<T>(undefined, "", new Map(), undefined);
  }

  /** Opens the cache file; a missing, unreadable or outdated file is an empty cache. */
  static async open<T>(file: string, version: string): Promise<JsonLinesCache<T>> {
    const { entries, lines } = await readEntries<T>(file, version);
    return new JsonLinesCache(file, version, entries, lines);
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
    this.used.set(key, value);
  }

  /**
   * Saves this run's entries for the next: adds the new ones at the end of the file, or
   * writes the file anew, atomically, when it is missing, of another version or mostly
   * outdated. Nothing is written when the file already holds every entry used.
   */
  async save(): Promise<void> {
    if (!this.file) return;
    const added = [...this.used].filter(([key]) => !this.stored.has(key));
    const lines = this.storedLines;
    if (lines !== undefined) {
      const outdated = lines + added.length - this.used.size;
      if (outdated <= OUTDATED_SHARE * (lines + added.length)) {
        // The leading line break ends a line a killed run may have left torn.
        if (added.length > 0)
          await writeLines((text) => appendFile(this.file as string, text), added, [""]);
        return;
      }
    }
    await mkdir(path.dirname(this.file), { recursive: true });
    // Written beside the file and renamed over it: a run killed mid-way leaves the old file
    // whole and a temporary one that no reader opens and the next build deletes.
    const temporary = temporaryPathFor(this.file);
    const output = await open(temporary, "w");
    try {
      const header: CacheHeader = { version: this.version };
      await writeLines((text) => output.write(text), this.used, [JSON.stringify(header)]);
    } catch (error) {
      await output.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await output.close();
    await rename(temporary, this.file);
  }
}
