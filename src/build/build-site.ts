import { rm } from "node:fs/promises";
import path from "node:path";
import { adminFiles, writeExtraFiles } from "../admin/admin-files.ts";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { removeAbandonedTemporaries } from "../leftovers.ts";
import { builderVersion } from "../output/builder-version.ts";
import { checkCompleteness } from "../output/check-completeness.ts";
import { siteUrlOfFile } from "../output/check-links.ts";
import { pageFingerprints, singlePagesFingerprint } from "../output/page-fingerprints.ts";
import { planPagePasses } from "../output/page-passes.ts";
import {
  assembleTree,
  keepSinglePages,
  keepUnchangedPages,
  recordedVersions,
  recordVersion,
  siteRecord,
  versionRecords,
} from "../output/site-tree.ts";
import { pageThreads, writePasses } from "../output/write-passes.ts";
import { DEFAULT_IMAGE_CACHE, encodeRenditions } from "../output/write-renditions.ts";
import { type BuildProgress, silentProgress } from "../progress.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { writeSearchIndex } from "../search/search-index.ts";
import { searchRecords } from "../search/search-records.ts";
import { outputFileOf } from "../urls.ts";
import { buildInputsDigest } from "./build-inputs.ts";
import { acquireBuildLock, type BuildLockOptions } from "./build-lock.ts";
import { loadNews, type NewsOptions } from "./load-news.ts";
import { recoverSite, removeLeftovers, replaceFolder } from "./replace-folder.ts";
import { stageSite, unchangedLiveSite } from "./stage-site.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Where rendered Markdown is kept between builds; every body is rendered when absent. */
  renderCacheFile?: string;
  /** Where parsed front-matter is kept between builds; every article is parsed when absent. */
  frontMatterCacheFile?: string;
  /** Where encoded lead pictures are kept between builds; the project's `.cache/images/`. */
  imageCacheDir?: string;
  /**
   * Where the record of the files of the output is kept, so the next build keeps unchanged
   * article and term pages instead of writing them again, and updates the site it replaced
   * instead of making a whole new tree; every page is written when absent.
   */
  pageRecordDir?: string;
  /** Where indexed search shards are kept between builds; every shard is indexed when absent. */
  searchCacheDir?: string;
  /** Search records per shard on average; small in tests, to exercise several shards. */
  recordsPerShard?: number;
  /** List items written per Eleventy run; small in tests, to exercise several passes. */
  pagesPerPass?: number;
  /** Threads writing pages at once; every core by default (see `pageThreads`). */
  pageThreads?: number;
  /** From how many list items to write the threads share them; small in tests. */
  parallelPagesFrom?: number;
  /** Shows how far the build is; silent when absent. */
  progress?: BuildProgress;
  /** How long to wait for another build of the same output, and what to say meanwhile. */
  lock?: BuildLockOptions;
  /** The moment that decides which articles are scheduled; defaults to now. */
  now?: Date;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Pages Eleventy wrote; 0 when the build stopped on content errors. */
  pageCount: number;
  /** Pages and files of the single pages kept from the previous build, unchanged. */
  reusedCount: number;
}

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
  progress.phase("Reading content");
  // The live site made from these very inputs, untouched since, is the site this build
  // would make: nothing to do but tell again what its build told.
  const inputs = records
    ? await buildInputsDigest({
        contentDir: options.contentDir,
        now,
        ...(options.recordsPerShard ? { recordsPerShard: options.recordsPerShard } : {}),
      })
    : undefined;
  const unchanged = records && inputs && (await unchangedLiveSite(outputDir, records, inputs));
  if (unchanged) {
    const pages = [...unchanged.files.values()].filter((file) => file.fingerprint).length;
    return {
      ok: true,
      diagnostics: unchanged.inputs.diagnostics,
      pageCount: 0,
      reusedCount: pages,
    };
  }
  const newsOptions: NewsOptions = {
    contentDir: options.contentDir,
    includeDrafts: false,
    now,
    progress,
    ...(options.renderCacheFile ? { renderCacheFile: options.renderCacheFile } : {}),
    ...(options.frontMatterCacheFile ? { frontMatterCacheFile: options.frontMatterCacheFile } : {}),
  };
  const result = await loadNews(newsOptions);
  const { news } = result;
  if (!news || hasErrors(result.diagnostics)) {
    return { ok: false, diagnostics: result.diagnostics, pageCount: 0, reusedCount: 0 };
  }
  const { staged, live } = await stageSite(outputDir, records);
  // Search is indexed from the site's data in Pagefind's own process while pages are written.
  const search = writeSearchIndex(staged.fresh, searchRecords(news), {
    ...(options.searchCacheDir ? { cacheDir: options.searchCacheDir } : {}),
    ...(options.recordsPerShard ? { recordsPerShard: options.recordsPerShard } : {}),
  });
  // Awaited below; until then a failure of Pagefind must not count as unhandled.
  search.catch(() => undefined);
  try {
    progress.phase("Keeping unchanged pages");
    const version = await builderVersion(PROJECT_ROOT);
    const fingerprints = pageFingerprints(news, version);
    const kept = await keepUnchangedPages(fingerprints, staged, live);
    const singlePrint = singlePagesFingerprint(news, fingerprints, version);
    const keptSinglePages = await keepSinglePages(singlePrint, staged, live);
    // Pictures are encoded here, not when content loads, so `check` never pays for it.
    progress.phase("Encoding pictures");
    const pictures = await encodeRenditions(
      news.imageJobs,
      options.imageCacheDir ?? path.join(PROJECT_ROOT, DEFAULT_IMAGE_CACHE),
    );
    const threads = options.pageThreads ?? pageThreads();
    const passes = planPagePasses(news, kept.urls, {
      threads,
      ...(options.pagesPerPass ? { pagesPerPass: options.pagesPerPass } : {}),
      ...(options.parallelPagesFrom ? { parallelFrom: options.parallelPagesFrom } : {}),
      keepSinglePages: keptSinglePages !== undefined,
    });
    const total = passes.reduce((sum, pass) => sum + pass.pages, 0);
    let done = 0;
    progress.phase("Writing pages");
    const written = await writePasses(staged.fresh, passes, threads, (pass) => {
      done += pass.pages;
      progress.advance(done, total);
    });
    // Files beside the pages: the web editor at /admin/.
    await writeExtraFiles(
      staged.fresh,
      await adminFiles({ settings: news.site, contentDir: options.contentDir }),
    );
    progress.phase("Indexing search");
    const { linked } = await search;
    progress.phase("Putting the site together");
    const files = await assembleTree(
      staged,
      new Map([...kept.files, ...(keptSinglePages ?? [])]),
      new Map([...linked, ...pictures.files]),
    );
    // The single pages' files, fingerprinted pages of their pass aside: kept or written together.
    const pageFiles = new Set([...fingerprints.keys()].map(outputFileOf));
    const singlePageFiles = keptSinglePages
      ? [...keptSinglePages.keys()]
      : written.singlePageFiles.filter((file) => !pageFiles.has(file));
    progress.phase("Checking the site");
    // A kept page is the very file the last build checked: its links are known.
    const listedByPage = new Map<string, string[]>();
    for (const url of kept.urls) {
      const listed = kept.files.get(outputFileOf(url))?.listed;
      if (listed) listedByPage.set(url, listed);
    }
    const incomplete = await checkCompleteness(staged.dir, news, {
      files: new Set(files.keys()),
      listedByPage,
      keptPages: new Set([
        ...kept.urls,
        ...(keptSinglePages ? [...keptSinglePages.keys()].map(siteUrlOfFile) : []),
      ]),
    });
    if (incomplete.length > 0) {
      return {
        ok: false,
        diagnostics: [...result.diagnostics, ...incomplete],
        pageCount: 0,
        reusedCount: 0,
      };
    }
    progress.phase("Putting the site in place");
    const replaced = await replaceFolder(staged.dir, outputDir, {
      keepPrevious: live !== undefined,
    });
    // The site is in place: a record that cannot be written only means the next build
    // keeps no page and writes them all.
    if (records) {
      await recordVersion(
        records,
        path.basename(replaced.version),
        siteRecord(files, fingerprints, listedByPage, {
          fingerprint: singlePrint,
          files: singlePageFiles,
        }),
        inputs ? { digest: inputs, diagnostics: result.diagnostics } : undefined,
      ).catch(() => undefined);
    }
    return {
      ok: true,
      diagnostics: result.diagnostics,
      pageCount: written.count,
      reusedCount: kept.files.size + (keptSinglePages?.size ?? 0),
    };
  } finally {
    // A failed pass must not leave Pagefind writing into a folder being deleted.
    await search.catch(() => undefined);
    await rm(staged.dir, { recursive: true, force: true });
    await rm(staged.fresh, { recursive: true, force: true });
  }
}
