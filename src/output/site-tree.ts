import { createHash } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { writeFileAtomically } from "../leftovers.ts";
import { outputFileOf } from "../urls.ts";

/*
 * A build assembles its site in a folder beside the output and swaps it in whole. Made anew,
 * that folder costs a file-system call per file and folder of the site however little
 * changed (at 10,000 articles, 26,000 files in 15,000 folders, and as many again to delete
 * the replaced site). So the site it replaces is kept, with a record of its files, and the
 * next build updates that folder instead: the files this build wrote are moved in, files from
 * a cache or from the live site are linked in, vanished ones deleted, and everything else,
 * recorded as unchanged, is left as it is. The live site is never written to: the kept
 * folder's files may be hard links shared with it, so a changed file is always a new file
 * put in place of the old name, never the old file written over.
 */

/**
 * A file's identity: any write to it, or another file put under its name, changes one of
 * these. Not its inode: a site and its records restored from a CI cache archive (tar keeps
 * sizes, times to the nanosecond and hard links, never inode numbers) are the same files.
 */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
}

/** A file of a built site as the build that made it left it. */
export interface TreeFile extends FileIdentity {
  /** For a page with a fingerprint: what it was made from. */
  fingerprint?: string;
  /** For a list page (the home page, a term's page): the articles it links to, in order. */
  listed?: string[];
}

/** The files of a built site by their path inside it (`articles/x/index.html`). */
export type TreeFiles = Map<string, TreeFile>;

/**
 * What a version was built from, as one digest (the content, the builder, the day, the
 * options that shape the output), and what its build told the editors: a build of the same
 * inputs would make the same site and tell the same.
 */
export interface BuildInputs {
  /**
   * Absent when a content file was written while the version was built: what the build read
   * is then known by no digest, and no later build may take the version for unchanged.
   */
  digest?: string;
  diagnostics: Diagnostic[];
  /** The builder's version (`builderVersion`): another one keeps no page of this version. */
  builder?: string;
}

/** A version's record: its files, and what it was built from when that is known. */
export interface RecordedVersion {
  files: TreeFiles;
  inputs?: BuildInputs;
}

/** Bumped when the shape of a record changes: an old record then keeps nothing. */
const RECORD_FORMAT = 4;

interface StoredRecord {
  format: number;
  version: string;
  files: Record<string, TreeFile>;
  inputs?: BuildInputs;
}

const RECORD_SUFFIX = ".json";

/**
 * Where the records of an output folder's versions are kept: in the project's cache, never in
 * the output, which is published as it is. One folder per output, one record per version.
 */
export function versionRecords(cacheDir: string, outputDir: string): string {
  const key = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, "written-pages", key);
}

/**
 * A version's name, `<output>.v-<time>-<pid>` (see `replaceFolder`), as its record is named
 * after it. Other files live beside the records (what the inputs digest learnt of each content
 * file): they are neither versions nor to be forgotten with them.
 */
const VERSION_RECORD = /\.v-[\d-]+\.json$/;

/** The versions (folder names beside the output) with a record, whole or not. */
export async function recordedVersions(records: string): Promise<Set<string>> {
  const names = await readdir(records).catch(() => [] as string[]);
  return new Set(
    names
      .filter((name) => VERSION_RECORD.test(name))
      .map((name) => name.slice(0, -RECORD_SUFFIX.length)),
  );
}

/** The record of `version`; undefined when it has no usable record. */
export async function readVersion(
  records: string,
  version: string,
): Promise<RecordedVersion | undefined> {
  try {
    const text = await readFile(path.join(records, `${version}${RECORD_SUFFIX}`), "utf8");
    const stored = JSON.parse(text) as StoredRecord;
    if (stored.format !== RECORD_FORMAT || stored.version !== version) return undefined;
    const files = new Map(Object.entries(stored.files));
    return stored.inputs ? { files, inputs: stored.inputs } : { files };
  } catch {
    return undefined;
  }
}

/** Records the files of `version`, and what it was built from, whole or not at all. */
export async function recordVersion(
  records: string,
  version: string,
  files: TreeFiles,
  inputs?: BuildInputs,
): Promise<void> {
  const stored: StoredRecord = {
    format: RECORD_FORMAT,
    version,
    files: Object.fromEntries(files),
    ...(inputs ? { inputs } : {}),
  };
  await mkdir(records, { recursive: true });
  await writeFileAtomically(
    path.join(records, `${version}${RECORD_SUFFIX}`),
    JSON.stringify(stored),
  );
}

/** Deletes the records of every version but those in `keep`. */
export async function forgetVersions(
  records: string,
  keep: ReadonlySet<string> = new Set(),
): Promise<void> {
  for (const version of await recordedVersions(records)) {
    if (!keep.has(version)) {
      await rm(path.join(records, `${version}${RECORD_SUFFIX}`), { force: true });
    }
  }
}

/** The identity of the file at `file`, or undefined when there is none. */
export function identityOf(file: string): FileIdentity | undefined {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

function unchanged(recorded: FileIdentity, file: string): boolean {
  const now = identityOf(file);
  return now !== undefined && now.size === recorded.size && now.mtimeMs === recorded.mtimeMs;
}

/** Whether every recorded file of `tree` is still the one its build left (none written over). */
export function isIntact(tree: BuiltTree): boolean {
  for (const [file, recorded] of tree.files) {
    if (!unchanged(recorded, path.join(tree.dir, file))) return false;
  }
  return true;
}

/** A site being assembled. */
export interface StagedTree {
  /** The folder the new site is assembled in: a kept version, renamed, or a new folder. */
  dir: string;
  /** What `dir` held when the build began, as recorded; empty for a new folder. */
  held: TreeFiles;
  /** Where this build writes its files: `dir` itself when it held nothing, else a folder beside. */
  fresh: string;
}

/** A built site that can give files to the next one. */
export interface BuiltTree {
  dir: string;
  files: TreeFiles;
}

/**
 * Removes whatever is at `file` (a file, or a folder where a file must go); nothing when a
 * file above it took the place of its folder.
 */
function clear(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
  }
}

/** Makes the folders above `file` that `made` does not list yet. */
function makeParent(file: string, made: Set<string>): void {
  const folder = path.dirname(file);
  if (made.has(folder)) return;
  mkdirSync(folder, { recursive: true });
  made.add(folder);
}

/**
 * Puts a hard link to `source` at `target`, in place of whatever was there. A file system
 * that cannot link (another device, no permission) gets a copy.
 */
async function placeLink(source: string, target: string, made: Set<string>): Promise<void> {
  makeParent(target, made);
  try {
    // Mostly nothing is there yet: clearing first would cost a call per file for nothing.
    linkOrClearFirst(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM") throw error;
    await copyFile(source, target);
  }
}

function linkOrClearFirst(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    clear(target);
    linkSync(source, target);
  }
}

export interface KeptPages {
  /** The URLs of the pages kept: the build writes every other page. */
  urls: Set<string>;
  /** The kept pages' files in the staged tree, by path inside the site. */
  files: TreeFiles;
}

/**
 * Keeps each page whose fingerprint is unchanged: as it is, when the staged folder holds it
 * as recorded, or linked from the live site, when that holds it as recorded (a preview or a
 * person may have written over either since). The build writes every page not kept.
 */
export async function keepUnchangedPages(
  fingerprints: ReadonlyMap<string, string>,
  staged: StagedTree,
  live: BuiltTree | undefined,
): Promise<KeptPages> {
  const kept: KeptPages = { urls: new Set(), files: new Map() };
  const made = new Set<string>();
  // Synchronous on purpose: thousands of small metadata calls, nothing else to do meanwhile.
  for (const [url, fingerprint] of fingerprints) {
    const file = outputFileOf(url);
    const target = path.join(staged.dir, file);
    const held = staged.held.get(file);
    if (held?.fingerprint === fingerprint && unchanged(held, target)) {
      kept.urls.add(url);
      kept.files.set(file, held);
      continue;
    }
    const recorded = live?.files.get(file);
    if (!live || recorded?.fingerprint !== fingerprint) continue;
    const source = path.join(live.dir, file);
    if (!unchanged(recorded, source)) continue;
    try {
      await placeLink(source, target, made);
      kept.urls.add(url);
      kept.files.set(file, { ...recorded, ...identityOf(target) });
    } catch {
      // A vanished file: the page is simply written again.
    }
  }
  return kept;
}

/** The files of `tree` made with `fingerprint`, when each is still as recorded. */
function wholeGroup(tree: BuiltTree, fingerprint: string): TreeFiles | undefined {
  const group: TreeFiles = new Map();
  for (const [file, recorded] of tree.files) {
    if (recorded.fingerprint !== fingerprint) continue;
    if (!unchanged(recorded, path.join(tree.dir, file))) return undefined;
    group.set(file, recorded);
  }
  return group.size > 0 ? group : undefined;
}

/**
 * Keeps the single pages and assets, which are written or kept together, when the last build
 * wrote them with the same `fingerprint`: as they are in the staged folder, or linked from
 * the live site. Returns their files, or undefined when the build must write them.
 */
export async function keepSinglePages(
  fingerprint: string,
  staged: StagedTree,
  live: BuiltTree | undefined,
): Promise<TreeFiles | undefined> {
  const held = wholeGroup({ dir: staged.dir, files: staged.held }, fingerprint);
  if (held) return held;
  const fromLive = live && wholeGroup(live, fingerprint);
  if (!live || !fromLive) return undefined;
  const made = new Set<string>();
  const kept: TreeFiles = new Map();
  for (const [file, recorded] of fromLive) {
    const target = path.join(staged.dir, file);
    await placeLink(path.join(live.dir, file), target, made);
    kept.set(file, { ...recorded, ...identityOf(target) });
  }
  return kept;
}

/** Every file below `folder`, by its path inside it. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/** Deletes `file` and each folder above it, up to `root`, that it leaves empty. */
function removeWithEmptyFolders(root: string, file: string): void {
  clear(path.join(root, file));
  let folder = path.dirname(file);
  while (folder !== "." && folder !== "") {
    try {
      rmdirSync(path.join(root, folder));
    } catch {
      return;
    }
    folder = path.dirname(folder);
  }
}

/**
 * Completes the staged site: moves in what this build wrote into `fresh`, links in each of
 * `linked` (path inside the site → a cache's file) the staged folder does not already hold,
 * and deletes what it held that the new site no longer has. Returns every file of the site
 * with its identity; `kept` (from `keepUnchangedPages`) are files of it already.
 */
export async function assembleTree(
  staged: StagedTree,
  kept: TreeFiles,
  linked: ReadonlyMap<string, string>,
): Promise<TreeFiles> {
  const files: TreeFiles = new Map(kept);
  const made = new Set<string>();
  for (const file of await filesBelow(staged.fresh)) {
    const target = path.join(staged.dir, file);
    if (staged.fresh !== staged.dir) {
      makeParent(target, made);
      if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) clear(target);
      renameSync(path.join(staged.fresh, file), target);
    }
    const identity = identityOf(target);
    if (identity) files.set(file, identity);
  }
  for (const [file, source] of linked) {
    const target = path.join(staged.dir, file);
    const present = lstatSync(target, { throwIfNoEntry: false });
    const wanted = lstatSync(source, { throwIfNoEntry: false });
    if (!wanted?.isFile())
      throw new Error(`Internal error: ${source} vanished before the site was assembled`);
    // Most linked files (search shards a build did not index again) are in place already.
    if (present?.isFile() && present.ino === wanted.ino) {
      files.set(file, { size: present.size, mtimeMs: present.mtimeMs });
      continue;
    }
    await placeLink(source, target, made);
    files.set(file, identityOf(target) ?? { size: wanted.size, mtimeMs: wanted.mtimeMs });
  }
  for (const file of staged.held.keys()) {
    if (!files.has(file)) removeWithEmptyFolders(staged.dir, file);
  }
  return files;
}

/**
 * The record of a finished site: every file with its identity, fingerprinted pages with
 * their fingerprint, list pages with the articles they link to, and the files of the single
 * pages with theirs.
 */
export function siteRecord(
  files: TreeFiles,
  fingerprints: ReadonlyMap<string, string>,
  listedByPage: ReadonlyMap<string, string[]>,
  singlePages?: { fingerprint: string; files: Iterable<string> },
): TreeFiles {
  const record: TreeFiles = new Map();
  for (const [file, identity] of files) {
    record.set(file, { size: identity.size, mtimeMs: identity.mtimeMs });
  }
  for (const file of singlePages?.files ?? []) {
    const entry = record.get(file);
    if (entry && singlePages) entry.fingerprint = singlePages.fingerprint;
  }
  for (const [url, fingerprint] of fingerprints) {
    const entry = record.get(outputFileOf(url));
    if (!entry) continue;
    entry.fingerprint = fingerprint;
    const listed = listedByPage.get(url);
    if (listed) entry.listed = listed;
  }
  return record;
}
