import { createHash } from "node:crypto";
import { type BigIntStats, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
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
  // A link counts by where it leads as well as by what it holds: a link that now leads
  // outside the content folder is refused, even if the bytes it reads are the same.
  const link = isLink ? `link\0${readOrUndefined(() => readlinkSync(full)) ?? ""}\0` : "";
  return fileDigest(
    relative,
    readOrUndefined(() => readFileSync(full)),
    link,
  );
}

/**
 * The digest of a file of the content folder, by its path inside the folder and the bytes
 * read from it (undefined when it could not be read): what the folder's digest counts it by,
 * and what a build keeps what it made of the file by.
 */
export function fileDigest(relative: string, bytes: Uint8Array | undefined, link = ""): string {
  const hash = createHash("sha256").update(`${relative}\0`).update(link);
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
  return contentDigestKnowing(contentDir, new Map(), 0).digest;
}

/** The state of a file that cannot be looked at. */
const UNREADABLE = "unreadable";

/** The file's own stats (a link's, not its target's), or undefined when it cannot be looked at. */
function statsOf(root: string, relative: string): BigIntStats | undefined {
  return readOrUndefined(() => lstatSync(path.join(root, relative), { bigint: true }));
}

/** What an earlier look at a file learnt: its state (`fileState`) and its entry's digest. */
export interface KnownFile {
  state: string;
  digest: string;
}

/** By path inside the content folder. */
export type KnownFiles = ReadonlyMap<string, KnownFile>;

/**
 * `contentDigest`, reading only the files whose state is not the one `known` holds: the
 * same digest, without reading ten thousand unchanged articles again. A checkout writes
 * every file anew, so it is read whole, as without `known`. Also returns what to know next
 * time: every file but links (a link's own state says nothing of what it leads to) and
 * files changed at or after `settledBefore` (milliseconds since 1970), whose next change
 * could come within the same tick of the file system's clock and leave their state as is.
 * That clock runs in ticks, behind the system's: give a moment well before now. `digests`
 * holds the digest of every entry, settled or not, links included.
 */
export function contentDigestKnowing(
  contentDir: string,
  known: KnownFiles,
  settledBefore: number,
): {
  digest: string;
  files: Map<string, KnownFile>;
  states: Map<string, string>;
  digests: Map<string, string>;
} {
  const root = path.resolve(contentDir);
  const hash = createHash("sha256");
  const files = new Map<string, KnownFile>();
  const states = new Map<string, string>();
  const digests = new Map<string, string>();
  const settledNs = BigInt(Math.floor(settledBefore)) * 1_000_000n;
  for (const { relative, isLink } of contentEntries(root)) {
    // Taken before the file is read: a write while it is read changes it after.
    const stats = statsOf(root, relative);
    const state = stats ? fileState(stats) : undefined;
    states.set(relative, state ?? UNREADABLE);
    if (isLink) {
      const digest = entryDigest(root, relative, true);
      hash.update(digest);
      digests.set(relative, digest);
      continue;
    }
    const earlier = known.get(relative);
    const digest =
      state !== undefined && earlier?.state === state
        ? earlier.digest
        : entryDigest(root, relative, false);
    hash.update(digest);
    digests.set(relative, digest);
    if (state !== undefined && stats && stats.ctimeNs < settledNs) {
      files.set(relative, { state, digest });
    }
  }
  return { digest: hash.digest("base64url"), files, states, digests };
}

/**
 * A file's inode, size and change time: a file written since has another change time, which
 * no tool sets back, or another size or inode.
 */
function fileState(stats: BigIntStats): string {
  return `${stats.ino}:${stats.size}:${stats.ctimeNs}`;
}

/**
 * What the file system says of each file of the content folder (`fileState`), by path inside
 * it, without reading any. Cheap enough to take before a long load and compare after it.
 */
export function contentFileStates(contentDir: string): Map<string, string> {
  const root = path.resolve(contentDir);
  const states = new Map<string, string>();
  for (const { relative } of contentEntries(root)) {
    const stats = statsOf(root, relative);
    states.set(relative, stats ? fileState(stats) : UNREADABLE);
  }
  return states;
}

/**
 * One digest of `contentFileStates`: the same at two moments only when no file of the folder
 * was written, added or deleted between them, even if it was written back as it was.
 */
export function statesDigest(states: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const [file, state] of states) hash.update(`${file}\0${state}\0`);
  return hash.digest("base64url");
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
