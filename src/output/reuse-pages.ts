import { createHash } from "node:crypto";
import { linkSync, mkdirSync, statSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "../leftovers.ts";
import { outputFileOf } from "../urls.ts";

/** A page as the last build left it: what it was made from, and which file it is. */
export interface WrittenPage {
  fingerprint: string;
  /** The file's identity when it was written; any later write to it changes one of them. */
  size: number;
  mtimeMs: number;
  ino: number;
  /** For a list page (the home page, a term's page): the articles it links to, in order. */
  listed?: string[];
}

/** Bumped when the shape of the record changes: an old record then reuses nothing. */
const RECORD_FORMAT = 2;

interface StoredRecord {
  format: number;
  outputDir: string;
  pages: Record<string, WrittenPage>;
}

/**
 * Where the record of an output folder's pages is kept: in the project's cache, never in the
 * output, which is published as it is. One record per output folder.
 */
export function writtenPagesRecord(cacheDir: string, outputDir: string): string {
  const key = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, "written-pages", `${key}.json`);
}

/** The pages the last build of `outputDir` wrote; none when there is no usable record. */
export async function readWrittenPages(
  recordFile: string,
  outputDir: string,
): Promise<Map<string, WrittenPage>> {
  try {
    const stored = JSON.parse(await readFile(recordFile, "utf8")) as StoredRecord;
    if (stored.format !== RECORD_FORMAT || stored.outputDir !== path.resolve(outputDir)) {
      return new Map();
    }
    return new Map(Object.entries(stored.pages));
  } catch {
    return new Map();
  }
}

function sameFile(recorded: WrittenPage, file: string): boolean {
  const now = statSync(file, { throwIfNoEntry: false });
  return (
    now?.isFile() === true &&
    now.size === recorded.size &&
    now.mtimeMs === recorded.mtimeMs &&
    now.ino === recorded.ino
  );
}

/**
 * Hard-links into `staging` each page of `outputDir` whose fingerprint is unchanged and whose
 * file is still the one the last build wrote (a preview or a person may have written over it
 * since), and returns their URLs: the build writes every other page. The linked files are
 * never written again: this build writes only pages it did not link, into new files, and the
 * old tree is only ever renamed and deleted.
 */
export function reuseUnchangedPages(
  fingerprints: ReadonlyMap<string, string>,
  written: ReadonlyMap<string, WrittenPage>,
  outputDir: string,
  staging: string,
): Set<string> {
  const reused = new Set<string>();
  const folders = new Set<string>();
  // Synchronous on purpose: thousands of small metadata calls, nothing else to do meanwhile.
  for (const [url, fingerprint] of fingerprints) {
    const recorded = written.get(url);
    if (recorded?.fingerprint !== fingerprint) continue;
    const file = outputFileOf(url);
    const previous = path.join(outputDir, file);
    if (!sameFile(recorded, previous)) continue;
    const target = path.join(staging, file);
    const folder = path.dirname(target);
    try {
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      linkSync(previous, target);
      reused.add(url);
    } catch {
      // Another file system or a vanished file: the page is simply written again.
    }
  }
  return reused;
}

/**
 * Records the fingerprinted pages now in `outputDir`, after it was put in place, for the next
 * build to reuse, with the articles each list page links to, which the next build's
 * completeness check then need not read again. Written to a temporary file and renamed, so a
 * record is whole or absent.
 */
export async function recordWrittenPages(
  recordFile: string,
  outputDir: string,
  fingerprints: ReadonlyMap<string, string>,
  listedByPage: ReadonlyMap<string, string[]> = new Map(),
): Promise<void> {
  const pages: Record<string, WrittenPage> = {};
  for (const [url, fingerprint] of fingerprints) {
    const file = statSync(path.join(outputDir, outputFileOf(url)), { throwIfNoEntry: false });
    if (!file?.isFile()) continue;
    const listed = listedByPage.get(url);
    pages[url] = {
      fingerprint,
      size: file.size,
      mtimeMs: file.mtimeMs,
      ino: file.ino,
      ...(listed ? { listed } : {}),
    };
  }
  const stored: StoredRecord = { format: RECORD_FORMAT, outputDir: path.resolve(outputDir), pages };
  await mkdir(path.dirname(recordFile), { recursive: true });
  await writeFileAtomically(recordFile, JSON.stringify(stored));
}
