import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  type BuildInputs,
  type BuiltTree,
  forgetVersions,
  readVersion,
  recordedVersions,
  type StagedTree,
} from "../output/site-tree.ts";
import { currentVersion } from "./replace-folder.ts";

export interface Staging {
  staged: StagedTree;
  /** The live site, when its files are recorded: unchanged pages can be linked from it. */
  live?: BuiltTree;
}

async function isFolder(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => undefined))?.isDirectory() === true;
}

/**
 * Prepares the folder a build assembles its site in, beside `outputDir`: the version the last
 * build kept, renamed to this build's staging name, when `records` (see `versionRecords`)
 * holds what it contains; otherwise a new empty folder. The kept version's record is deleted
 * before its folder is touched, so a build killed while changing it leaves a folder that is
 * never taken for a site again, only deleted. Records of versions that are gone are deleted,
 * and versions whose record is unreadable with them. `live` is the version `outputDir` links
 * to, with its record (see `liveSite`): it is never touched.
 */
export async function stageSite(
  outputDir: string,
  records: string | undefined,
  live: BuiltTree | undefined,
): Promise<Staging> {
  const staging = `${outputDir}.staging-${process.pid}`;
  const fresh = `${outputDir}.fresh-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await rm(fresh, { recursive: true, force: true });
  const empty = async (live?: BuiltTree): Promise<Staging> => {
    await mkdir(staging, { recursive: true });
    return { staged: { dir: staging, held: new Map(), fresh: staging }, ...(live ? { live } : {}) };
  };
  if (!records) return empty();
  const liveName = live && path.basename(live.dir);
  let kept: StagedTree | undefined;
  const unusable: string[] = [];
  for (const version of await recordedVersions(records)) {
    const folder = path.join(path.dirname(outputDir), version);
    if (version === liveName || !(await isFolder(folder))) continue;
    const held = kept ? undefined : (await readVersion(records, version))?.files;
    if (held) kept = { dir: folder, held, fresh };
    else unusable.push(folder);
  }
  await forgetVersions(records, new Set(liveName ? [liveName] : []));
  for (const folder of unusable) await rm(folder, { recursive: true, force: true });
  if (!kept) return empty(live);
  await rename(kept.dir, staging);
  await mkdir(fresh, { recursive: true });
  return { staged: { ...kept, dir: staging }, ...(live ? { live } : {}) };
}

/** A site `_site` links to, with its record: its files and what it was built from. */
export type LiveSite = BuiltTree & { inputs?: BuildInputs };

/** The version `outputDir` links to, when it has a record in `records`. */
export async function liveSite(outputDir: string, records: string): Promise<LiveSite | undefined> {
  const current = await currentVersion(outputDir);
  const recorded = current ? await readVersion(records, path.basename(current)) : undefined;
  if (!current || !recorded) return undefined;
  return recorded.inputs
    ? { dir: current, files: recorded.files, inputs: recorded.inputs }
    : { dir: current, files: recorded.files };
}
