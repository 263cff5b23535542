import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

function readOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** What one entry of the content folder contributes: its kind, its path and its bytes. */
function entryDigest(root: string, relative: string, isLink: boolean): string {
  const full = path.join(root, relative);
  const hash = createHash("sha256").update(`${relative}\0`);
  // A link counts by where it leads as well as by what it holds: a link that now leads
  // outside the content folder is refused, even if the bytes it reads are the same.
  if (isLink) hash.update(`link\0${readOrUndefined(() => readlinkSync(full)) ?? ""}\0`);
  const bytes = readOrUndefined(() => readFileSync(full));
  hash.update(bytes === undefined ? "unreadable\0" : `${bytes.length}\0`);
  if (bytes) hash.update(bytes);
  return hash.digest("base64url");
}

/** Every file and link below `root`, by path inside it, in path order. */
function contentEntries(root: string): Array<{ relative: string; isLink: boolean }> {
  const entries =
    readOrUndefined(() => readdirSync(root, { recursive: true, withFileTypes: true })) ?? [];
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => ({
      relative: path.relative(root, path.join(entry.parentPath, entry.name)),
      isLink: entry.isSymbolicLink(),
    }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * One hash of everything in the content folder: every file's path and bytes (articles, the
 * registry, `site.yaml`, pictures) and where each link leads. Two folders with the same
 * digest hold the same content, so a build of them is the same site. One file at a time is
 * in memory, whatever the size of the archive. Synchronous on purpose: for thousands of small
 * files, a promise per system call costs more than the reads themselves.
 */
export function contentDigest(contentDir: string): string {
  const root = path.resolve(contentDir);
  const hash = createHash("sha256");
  for (const entry of contentEntries(root)) {
    hash.update(entryDigest(root, entry.relative, entry.isLink));
  }
  return hash.digest("base64url");
}

/**
 * What the file system says of each file of the content folder, by path inside it, without
 * reading any: a file written since has another change time (which no tool sets back) or
 * size. Cheap enough to take before a long load and compare after it.
 */
export function contentFileStates(contentDir: string): Map<string, string> {
  const root = path.resolve(contentDir);
  const states = new Map<string, string>();
  for (const { relative } of contentEntries(root)) {
    const stats = readOrUndefined(() => lstatSync(path.join(root, relative), { bigint: true }));
    states.set(relative, stats ? `${stats.ino}:${stats.size}:${stats.ctimeNs}` : "unreadable");
  }
  return states;
}

/** The files added, changed or deleted between two `contentFileStates`, in path order. */
export function changedContentFiles(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): string[] {
  const changed = new Set<string>();
  for (const [file, state] of after) if (before.get(file) !== state) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return [...changed].sort();
}
