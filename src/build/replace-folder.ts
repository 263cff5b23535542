import { lstat, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { isRunning } from "../leftovers.ts";

/*
 * The published output (`_site`) is a symbolic link to a complete site in a folder beside it,
 * `_site.v-<time>-<pid>`. A build stages the new site in `_site.staging-<pid>`, renames it to
 * its version name once it is checked, and flips the link with one `rename` of a new link
 * over the old one. `rename` replaces its target atomically, so at every instant, whenever
 * the build is killed, `_site` is either the last good site or the new one; never missing,
 * never a mix. Two renames of folders (old away, new in) would leave no `_site` at all
 * between them.
 *
 * Why a link works for everything that reads `_site`: paths through it resolve to the
 * version's files, so tests and page reuse (which hard-links the live files into the staging
 * folder, on the same file system since both sit beside `_site`) see plain files; the
 * deploy's upload-pages-artifact archives `--directory _site/ --dereference`, so the archive
 * holds the files, not the link. The link is relative, so moving the project keeps it valid.
 *
 * An `_site` that is still a real folder (from an earlier version) is moved aside and
 * replaced by the link; between those two steps there is no `_site`, and the next build
 * restores the newest complete version before anything else (`recoverSite`).
 *
 * A build that keeps a record of each version's files may keep the version it replaces: the
 * next build then updates that folder into its site (only the files that differ) instead of
 * making a whole tree anew, and the two versions take turns. A kept version is never served;
 * any other version `_site` does not link to is a leftover.
 */

const VERSION = /^v-(\d+)-\d+$/;
/**
 * Names of a killed build's work: its staging folder, the folder of the files it wrote afresh,
 * the search index of a build without a search cache, a retired tree, a link not yet
 * flipped, the text of its lock not yet linked into place.
 */
const WORK = /^(?:staging|fresh|search|old|link|lock\.tmp|lock\.break\.tmp)-(\d+)$/;

function sibling(target: string, suffix: string): string {
  return `${target}.${suffix}`;
}

/**
 * Where a build without a search cache indexes search, beside `target` so the site's files
 * can be hard links to it; deleted when the build ends, or by the next build if killed.
 */
export function searchScratchFolder(target: string): string {
  return sibling(target, `search-${process.pid}`);
}

/** The folder `target` links to when it is one of its versions beside it; else undefined. */
export async function currentVersion(target: string): Promise<string | undefined> {
  const stats = await lstat(target).catch(() => undefined);
  if (!stats?.isSymbolicLink()) return undefined;
  const resolved = path.resolve(path.dirname(target), await readlink(target));
  const ours =
    path.dirname(resolved) === path.dirname(target) &&
    path.basename(resolved).startsWith(`${path.basename(target)}.`);
  return ours ? resolved : undefined;
}

/** Makes `target` a link to `version` in one atomic step. */
async function pointAt(target: string, version: string): Promise<void> {
  const link = sibling(target, `link-${process.pid}`);
  await rm(link, { force: true });
  await symlink(path.basename(version), link, "dir");
  await rename(link, target);
}

export interface Replaced {
  /** The folder `target` now links to. */
  version: string;
  /** The version `target` linked to before, when `keepPrevious` kept it. */
  previous?: string;
}

/**
 * Publishes the checked site in `finished` as `target`: renames it to a new version, points
 * `target` at it atomically, then deletes the version it replaces, unless `keepPrevious`.
 */
export async function replaceFolder(
  finished: string,
  target: string,
  options: { keepPrevious?: boolean } = {},
): Promise<Replaced> {
  const version = sibling(target, `v-${await versionTime(target)}-${process.pid}`);
  await rename(finished, version);
  const previous = await currentVersion(target);
  const stats = await lstat(target).catch(() => undefined);
  const retired = stats?.isDirectory() ? sibling(target, `old-${process.pid}`) : undefined;
  try {
    if (retired) await rename(target, retired);
    await pointAt(target, version);
  } catch (error) {
    if (retired) await rename(retired, target);
    await rm(version, { recursive: true, force: true });
    throw error;
  }
  if (retired) await rm(retired, { recursive: true, force: true });
  if (previous && options.keepPrevious) return { version, previous };
  if (previous) await rm(previous, { recursive: true, force: true });
  return { version };
}

/** The versions beside `target` with their times, newest first, and the retired trees. */
async function sitesBeside(
  target: string,
): Promise<{ versions: Array<[number, string]>; retired: string[] }> {
  const prefix = `${path.basename(target)}.`;
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  const versions: Array<[number, string]> = [];
  const retired: string[] = [];
  for (const name of names.filter((entry) => entry.startsWith(prefix))) {
    const rest = name.slice(prefix.length);
    const time = VERSION.exec(rest)?.[1];
    if (time !== undefined) versions.push([Number(time), name]);
    else if (rest.startsWith("old-")) retired.push(name);
  }
  versions.sort((a, b) => b[0] - a[0]);
  return { versions, retired };
}

/**
 * The time a new version is named with: now, or later than the newest version beside
 * `target` when that one was named within the same millisecond (two builds of one process in
 * a row), so that names never collide and the newest version is always the newest name.
 */
async function versionTime(target: string): Promise<number> {
  const { versions } = await sitesBeside(target);
  return Math.max(Date.now(), (versions[0]?.[0] ?? 0) + 1);
}

/** The versions beside `target` (newest first), then trees retired by an interrupted swap. */
async function completeSites(target: string): Promise<string[]> {
  const { versions, retired } = await sitesBeside(target);
  return [...versions.map(([, name]) => name), ...retired].map((name) =>
    path.join(path.dirname(target), name),
  );
}

/**
 * Puts the last complete site back as `target` when a build was killed while `target` was
 * missing (moving an old real folder aside, or an earlier version's two-rename swap). Only
 * complete sites carry a version name or were retired, so the newest of them is the last
 * good one. Returns the folder restored, if any.
 */
export async function recoverSite(target: string): Promise<string | undefined> {
  if (await lstat(target).catch(() => undefined)) return undefined;
  const [newest] = await completeSites(target);
  if (newest) await pointAt(target, newest);
  return newest;
}

/**
 * Deletes what killed builds of `target` left beside it: staging folders, retired trees and
 * links of processes no longer running (or of this one: its earlier runs are over), and every
 * version `target` no longer points to, except those named in `keep` (a version kept for the
 * next build to update). Call it holding the output's lock, after `recoverSite`: no other
 * build of `target` can be writing then.
 */
export async function removeLeftovers(
  target: string,
  keep: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const prefix = `${path.basename(target)}.`;
  const current = await currentVersion(target);
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  const leftovers = names
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(path.dirname(target), name))
    .filter((folder) => {
      if (folder === current || keep.has(path.basename(folder))) return false;
      const rest = path.basename(folder).slice(prefix.length);
      if (VERSION.test(rest)) return true;
      const pid = WORK.exec(rest)?.[1];
      return pid !== undefined && (Number(pid) === process.pid || !isRunning(Number(pid)));
    });
  for (const folder of leftovers) await rm(folder, { recursive: true, force: true });
  return leftovers;
}
