import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "../leftovers.ts";
import { mapBounded } from "../map-bounded.ts";
import type { BodyRef } from "./body.ts";

/** The digest a `BodyRef` carries of its HTML. */
export function htmlDigest(html: string): string {
  return createHash("sha1").update(html).digest("base64url");
}

/**
 * A page asked for a body the store does not hold as its reference says: deleted, or written
 * anew, by another command using the same cache while this one ran.
 */
export class BodyMissingError extends Error {
  constructor(
    readonly body: BodyRef,
    readonly where: string,
  ) {
    super(
      `the rendered text ${body.key} is missing from ${where}, or not as this build rendered it: another command changed the cache while this one ran; run the command again`,
    );
    this.name = "BodyMissingError";
  }
}

/** Where a store's bodies are, as plain data another thread can be handed (`BodyStore.of`). */
export type BodySource = { folder: string } | { bodies: Array<[key: string, html: string]> };

/** Files written at once when a store is saved: enough to keep the disk busy. */
const WRITES_AT_ONCE = 16;

/**
 * A body no build has used for this long is deleted. A body another command (a preview with
 * drafts, an older checkout) still uses is thus never deleted under it while it runs.
 */
const UNUSED_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const SUFFIX = ".html";

/**
 * Rendered bodies' HTML by render key, read one at a time, when a page that shows one is
 * written: a build holds the HTML of the pages it writes, not of every article. Kept in a
 * folder between builds, one file per body (written whole or not at all), or in memory for
 * tests and one-off checks. A body is read back only under its digest: a file changed or
 * deleted by another command is an error, never a wrong page.
 */
export class BodyStore {
  /** Bodies put since the store was opened or saved. */
  private readonly unsaved = new Map<string, string>();

  private constructor(
    private readonly folder: string | undefined,
    /** Keys with a file in `folder`, as listed when opened and since saved; unknown in a worker. */
    private readonly saved: Set<string> | undefined,
  ) {}

  /** A store that keeps its bodies in memory, for as long as it is referenced. */
  static inMemory(): BodyStore {
    return new BodyStore(undefined, new Set());
  }

  /** The store kept in `folder`; a missing folder is an empty store. */
  static async open(folder: string): Promise<BodyStore> {
    const names = await readdir(folder).catch(() => [] as string[]);
    const keys = names.filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -5));
    return new BodyStore(folder, new Set(keys));
  }

  /** A store that reads what `source` says, in another thread; it is only read. */
  static of(source: BodySource): BodyStore {
    if ("folder" in source) return new BodyStore(source.folder, undefined);
    const store = BodyStore.inMemory();
    for (const [key, html] of source.bodies) store.put(key, html);
    return store;
  }

  /** Whether the store holds a body for `key`. */
  has(key: string): boolean {
    return this.unsaved.has(key) || (this.saved?.has(key) ?? false);
  }

  put(key: string, html: string): void {
    this.unsaved.set(key, html);
  }

  /** The HTML of `body`; a `BodyMissingError` when the store has none, or another, under its key. */
  html(body: BodyRef): string {
    const html = this.unsaved.get(body.key) ?? this.readFile(body.key);
    if (html === undefined || htmlDigest(html) !== body.digest) {
      throw new BodyMissingError(body, this.folder ?? "memory");
    }
    return html;
  }

  /** A reader of this store's bodies, to hand to the stages that write pages. */
  readonly reader = (body: BodyRef): string => this.html(body);

  /** Where the bodies are, for another thread; a folder store must be saved first. */
  source(): BodySource {
    if (this.folder === undefined) return { bodies: [...this.unsaved] };
    if (this.unsaved.size > 0) throw new Error("Internal error: the body store is not saved");
    return { folder: this.folder };
  }

  /**
   * Writes the bodies put since the last save into the folder, then deletes the files of
   * bodies this run did not use (`used`) and none has used for `UNUSED_LIFETIME_MS`. A
   * store in memory keeps everything.
   */
  async save(used: ReadonlySet<string>): Promise<void> {
    const { folder, saved } = this;
    if (folder === undefined || saved === undefined) return;
    if (this.unsaved.size > 0) await mkdir(folder, { recursive: true });
    await mapBounded([...this.unsaved], WRITES_AT_ONCE, async ([key, html]) => {
      await writeFileAtomically(this.fileOf(key), html);
      saved.add(key);
    });
    this.unsaved.clear();
    const oldest = Date.now() - UNUSED_LIFETIME_MS;
    for (const key of [...saved].filter((key) => !used.has(key))) {
      const file = this.fileOf(key);
      const modified = (await stat(file).catch(() => undefined))?.mtimeMs ?? 0;
      if (modified >= oldest) continue;
      await rm(file, { force: true });
      saved.delete(key);
    }
  }

  private fileOf(key: string): string {
    return path.join(this.folder as string, `${key}${SUFFIX}`);
  }

  private readFile(key: string): string | undefined {
    if (this.folder === undefined) return undefined;
    try {
      return readFileSync(this.fileOf(key), "utf8");
    } catch {
      return undefined;
    }
  }
}
