import path from "node:path";
import { removeAbandonedTemporaries } from "../leftovers.ts";
import { bodiesFolderBeside } from "../markdown/render-cache.ts";
import { builderVersion } from "../output/builder-version.ts";
import { isIntact, recordedVersions, versionRecords } from "../output/site-tree.ts";
import { silentProgress } from "../progress.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { DEFAULT_IMAGE_CACHE } from "../site/renditions.ts";
import { buildInputsDigest, contentFileDigests, type InputsSeen } from "./build-inputs.ts";
import { acquireBuildLock } from "./build-lock.ts";
import type { BuildContext, BuildOptions, BuildResult } from "./build-options.ts";
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
  const outcome = await buildSiteHere(options, () => true);
  if ("change" in outcome) throw new Error("Internal error: the build was not made");
  return outcome;
}

/** What changed, as far as a command needs to know before a build makes the site. */
export interface SiteChange {
  /** The inputs, for the build that follows (`BuildOptions.knownInputs`). */
  inputs: InputsSeen | undefined;
  /**
   * Whether the live site was made by this very builder, so that the build keeps its
   * unchanged pages and writes few; otherwise it writes every page, as a cold build does.
   */
  keepsPages: boolean;
}

/**
 * `buildSite`, when `here` says the site is to be made in this process once something
 * changed; otherwise what changed, with nothing made, for the command to build elsewhere (in
 * a process with a heap sized to the site: see `BuildOptions.knownInputs`). An unchanged
 * site is answered either way, from the record of the live one.
 */
export async function buildSiteHere(
  options: BuildOptions,
  here: (change: SiteChange) => boolean,
): Promise<BuildResult | { change: SiteChange }> {
  return holdingLock(options, async (outputDir, records) => {
    const checked = await checkInputs(options, outputDir, records);
    if ("result" in checked) return checked.result;
    const { inputs, live, builder } = checked.context;
    const change = { inputs, keepsPages: live?.inputs?.builder === builder };
    if (!here(change)) return { change };
    const { makeSite } = await import("./make-site.ts");
    return makeSite(options, checked.context);
  });
}

/** Runs `work` holding the build lock of the output, after repairing what a killed build left. */
async function holdingLock<T>(
  options: BuildOptions,
  work: (outputDir: string, records: string | undefined) => Promise<T>,
): Promise<T> {
  const outputDir = path.resolve(options.outputDir);
  const lock = await acquireBuildLock(outputDir, options.lock);
  try {
    const records = options.pageRecordDir && versionRecords(options.pageRecordDir, outputDir);
    await recoverSite(outputDir);
    await removeLeftovers(outputDir, records ? await recordedVersions(records) : undefined);
    await removeAbandonedCaches(options, records);
    return await work(outputDir, records || undefined);
  } finally {
    await lock.release();
  }
}

/** Beside the records of the output's versions: what the last build learnt of each content file. */
const KNOWN_CONTENT_FILES = "content-files.json";

/** Half-written cache files of killed commands: never read, deleted here. */
async function removeAbandonedCaches(
  options: BuildOptions,
  records: string | undefined,
): Promise<void> {
  for (const file of [options.renderCacheFile, options.frontMatterCacheFile]) {
    if (file) await removeAbandonedTemporaries(path.dirname(file), path.basename(file));
  }
  if (options.renderCacheFile) {
    await removeAbandonedTemporaries(bodiesFolderBeside(options.renderCacheFile));
  }
  if (records) await removeAbandonedTemporaries(records);
  await removeAbandonedTemporaries(
    options.imageCacheDir ?? path.join(PROJECT_ROOT, DEFAULT_IMAGE_CACHE),
  );
}

/**
 * The answer of the live site, when it was made from these very inputs and is untouched
 * since: nothing to do but tell again what its build told. Otherwise what making the site
 * needs to know.
 */
async function checkInputs(
  options: BuildOptions,
  outputDir: string,
  records: string | undefined,
): Promise<{ result: BuildResult } | { context: BuildContext }> {
  const progress = options.progress ?? silentProgress;
  const now = options.now ?? new Date();
  progress.phase("Checking what changed");
  const builder = await builderVersion(PROJECT_ROOT);
  const live = records ? await liveSite(outputDir, records) : undefined;
  const knownFilesFile = records && path.join(records, KNOWN_CONTENT_FILES);
  const inputs = !knownFilesFile
    ? undefined
    : options.knownInputs
      ? {
          ...options.knownInputs,
          // Handed over without them: what loading keeps each article by.
          files:
            options.knownInputs.files ??
            (await contentFileDigests(options.contentDir, knownFilesFile)),
        }
      : await buildInputsDigest({
          contentDir: options.contentDir,
          builder,
          now,
          knownFilesFile,
          ...(options.recordsPerShard ? { recordsPerShard: options.recordsPerShard } : {}),
        });
  if (live?.inputs?.digest && inputs?.digest === live.inputs.digest && isIntact(live)) {
    const pages = [...live.files.values()].filter((file) => file.fingerprint).length;
    return {
      result: { ok: true, diagnostics: live.inputs.diagnostics, pageCount: 0, reusedCount: pages },
    };
  }
  return { context: { outputDir, records, live, inputs, now, builder } };
}
