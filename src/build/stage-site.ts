import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  type BuildInputs,
  type BuiltTree,
  forgetVersions,
  isIntact,
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
 * and versions whose record is unreadable with them.
 */
export async function stageSite(outputDir: string, records: string | undefined): Promise<Staging> {
  const staging = `${outputDir}.staging-${process.pid}`;
  const fresh = `${outputDir}.fresh-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await rm(fresh, { recursive: true, force: true });
  const empty = async (live?: BuiltTree): Promise<Staging> => {
    await mkdir(staging, { recursive: true });
    return { staged: { dir: staging, held: new Map(), fresh: staging }, ...(live ? { live } : {}) };
  };
  if (!records) return empty();
  const current = await currentVersion(outputDir);
  const liveName = current && path.basename(current);
  const liveFiles = liveName ? (await readVersion(records, liveName))?.files : undefined;
  const live = current && liveFiles ? { dir: current, files: liveFiles } : undefined;
  let kept: StagedTree | undefined;
  const unusable: string[] = [];
  for (const version of await recordedVersions(records)) {
    const folder = path.join(path.dirname(outputDir), version);
    if (version === liveName || !(await isFolder(folder))) continue;
    const held = kept ? undefined : (await readVersion(records, version))?.files;
    if (held) kept = { dir: folder, held, fresh };
    else unusable.push(folder);
  }
  await forgetVersions(records, new Set(live && liveName ? [liveName] : []));
  for (const folder of unusable) await rm(folder, { recursive: true, force: true });
  if (!kept) return empty(live);
  await rename(kept.dir, staging);
  await mkdir(fresh, { recursive: true });
  return { staged: { ...kept, dir: staging }, ...(live ? { live } : {}) };
}

/**
 * The live site's record when it was built from exactly `digest` (see `buildInputsDigest`)
 * and every file of it is still as its build left it: a new build would make the same site.
 */
export async function unchangedLiveSite(
  outputDir: string,
  records: string,
  digest: string,
): Promise<(BuiltTree & { inputs: BuildInputs }) | undefined> {
  const current = await currentVersion(outputDir);
  const recorded = current ? await readVersion(records, path.basename(current)) : undefined;
  if (!current || recorded?.inputs?.digest !== digest) return undefined;
  const live = { dir: current, files: recorded.files, inputs: recorded.inputs };
  return isIntact(live) ? live : undefined;
}
