import path from "node:path";
import { removeAbandonedTemporaries } from "../leftovers.ts";
import { builderVersion } from "../output/builder-version.ts";
import { isIntact, recordedVersions, versionRecords } from "../output/site-tree.ts";
import { silentProgress } from "../progress.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { DEFAULT_IMAGE_CACHE } from "../site/renditions.ts";
import { buildInputsDigest } from "./build-inputs.ts";
import { acquireBuildLock } from "./build-lock.ts";
import type { BuildOptions, BuildResult } from "./build-options.ts";
import { recoverSite, removeLeftovers } from "./replace-folder.ts";
import { liveSite } from "./stage-site.ts";

export type { BuildOptions, BuildResult } from "./build-options.ts";

/**
 * A production build: validates all content first and writes nothing on errors; assembles
 * the site in a staging folder beside the output and swaps it in only when everything
 * succeeded. One build of an output runs at a time; it first repairs and clears what a
 * killed one left.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.outputDir);
  const lock = await acquireBuildLock(outputDir, options.lock);
  try {
    const records = options.pageRecordDir && versionRecords(options.pageRecordDir, outputDir);
    await recoverSite(outputDir);
    await removeLeftovers(outputDir, records ? await recordedVersions(records) : undefined);
    await removeAbandonedCaches(options, records);
    return await buildHoldingLock(options, outputDir, records || undefined);
  } finally {
    await lock.release();
  }
}

/** Half-written cache files of killed commands: never read, deleted here. */
async function removeAbandonedCaches(
  options: BuildOptions,
  records: string | undefined,
): Promise<void> {
  for (const file of [options.renderCacheFile, options.frontMatterCacheFile]) {
    if (file) await removeAbandonedTemporaries(path.dirname(file), path.basename(file));
  }
  if (records) await removeAbandonedTemporaries(records);
  await removeAbandonedTemporaries(
    options.imageCacheDir ?? path.join(PROJECT_ROOT, DEFAULT_IMAGE_CACHE),
  );
}

async function buildHoldingLock(
  options: BuildOptions,
  outputDir: string,
  records: string | undefined,
): Promise<BuildResult> {
  const progress = options.progress ?? silentProgress;
  const now = options.now ?? new Date();
  progress.phase("Checking what changed");
  const builder = await builderVersion(PROJECT_ROOT);
  const live = records ? await liveSite(outputDir, records) : undefined;
  const inputs = records
    ? await buildInputsDigest({
        contentDir: options.contentDir,
        builder,
        now,
        ...(options.recordsPerShard ? { recordsPerShard: options.recordsPerShard } : {}),
      })
    : undefined;
  // The live site made from these very inputs, untouched since, is the site this build
  // would make: nothing to do but tell again what its build told.
  if (live?.inputs && inputs === live.inputs.digest && isIntact(live)) {
    const pages = [...live.files.values()].filter((file) => file.fingerprint).length;
    return {
      ok: true,
      diagnostics: live.inputs.diagnostics,
      pageCount: 0,
      reusedCount: pages,
    };
  }
  const { makeSite } = await import("./make-site.ts");
  return makeSite(options, { outputDir, records, live, inputs, now, builder });
}
