import { rm } from "node:fs/promises";
import path from "node:path";
import { adminFiles, writeExtraFiles } from "../admin/admin-files.ts";
import { contentFileStates, statesDigest } from "../content/content-digest.ts";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { checkCompleteness } from "../output/check-completeness.ts";
import { siteUrlOfFile } from "../output/check-links.ts";
import { pageFingerprints, singlePagesFingerprint } from "../output/page-fingerprints.ts";
import { planPagePasses } from "../output/page-passes.ts";
import {
  assembleTree,
  keepSinglePages,
  keepUnchangedPages,
  recordVersion,
  siteRecord,
} from "../output/site-tree.ts";
import { pageThreads, writePasses } from "../output/write-passes.ts";
import { encodeRenditions } from "../output/write-renditions.ts";
import { silentProgress } from "../progress.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { indexSearchInWorker, type SearchIndex } from "../search/search-index.ts";
import { searchRecords } from "../search/search-records.ts";
import type { PageParts, SitePlan, SiteToWrite } from "../site/news.ts";
import { DEFAULT_IMAGE_CACHE } from "../site/renditions.ts";
import { outputFileOf } from "../urls.ts";
import type { InputsSeen } from "./build-inputs.ts";
import type { BuildContext, BuildOptions, BuildResult } from "./build-options.ts";
import { assembleSite, loadContent, type NewsOptions } from "./load-news.ts";
import { replaceFolder, searchScratchFolder } from "./replace-folder.ts";
import { stageSite } from "./stage-site.ts";

/** Beside the records of the site's versions: the articles loaded (`KeptArticles`). */
const KEPT_ARTICLES = "loaded-articles.jsonl";

/**
 * The work of a build that has something to do: loads and checks all content, keeps the
 * unchanged pages, writes the others, indexes search, checks the site and puts it in place.
 * Loaded only then, so a build that finds nothing changed never loads the site's code.
 */
export async function makeSite(options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const progress = options.progress ?? silentProgress;
  const { outputDir, now, builder, records, inputs } = context;
  const newsOptions: NewsOptions = {
    contentDir: options.contentDir,
    includeDrafts: false,
    now,
    progress,
    builderVersion: builder,
    ...(options.renderCacheFile ? { renderCacheFile: options.renderCacheFile } : {}),
    ...(options.frontMatterCacheFile ? { frontMatterCacheFile: options.frontMatterCacheFile } : {}),
    // Beside the records of the site's versions: what this build loaded, for the next.
    ...(records && inputs?.files
      ? { keep: { file: path.join(records, KEPT_ARTICLES), files: inputs.files, builder } }
      : {}),
  };
  const loaded = await loadContent(newsOptions);
  const { content } = loaded;
  // Without a cache kept between builds, this build's shards are kept beside the output
  // until the site's files are linked to them (a killed build's are deleted as leftovers).
  const searchCache = options.searchCacheDir ?? searchScratchFolder(outputDir);
  // Search is indexed from the loaded content, in a worker thread driving Pagefind's process,
  // while the site's data is computed and its pages written; not after an error in loading.
  const search =
    content && !hasErrors(loaded.diagnostics)
      ? indexSearchInWorker(searchRecords(content), {
          cacheDir: searchCache,
          bodies: content.bodies.source(),
          ...(options.recordsPerShard ? { recordsPerShard: options.recordsPerShard } : {}),
        })
      : undefined;
  // Awaited below; until then a failure of Pagefind must not count as unhandled.
  search?.catch(() => undefined);
  try {
    const result = content
      ? assembleSite(content, loaded.diagnostics, options.contentDir)
      : { diagnostics: loaded.diagnostics };
    const { site, parts } = result;
    if (!site || !parts || !search || hasErrors(result.diagnostics)) {
      return { ok: false, diagnostics: result.diagnostics, pageCount: 0, reusedCount: 0 };
    }
    return await writeSite(options, context, { site, parts }, result.diagnostics, search);
  } finally {
    // A failed build must not leave Pagefind writing into a folder being deleted.
    await search?.catch(() => undefined);
    if (!options.searchCacheDir) await rm(searchCache, { recursive: true, force: true });
  }
}

/**
 * The digest of what the build read: the one it started from, unless a content file was
 * written since (even if written back as it was). Then none: the site is what the build read,
 * but no digest says what that was, and the next build makes it again.
 */
function readDigest(contentDir: string, inputs: InputsSeen): { digest?: string } {
  return statesDigest(contentFileStates(contentDir)) === inputs.states
    ? { digest: inputs.digest }
    : {};
}

/**
 * The site of `site`, checked and put in place: unchanged pages kept, the others made and
 * written, search (indexing meanwhile) linked in.
 */
async function writeSite(
  options: BuildOptions,
  { outputDir, records, live: liveRecord, inputs, builder }: BuildContext,
  { site, parts }: { site: SiteToWrite<SitePlan>; parts: PageParts },
  diagnostics: Diagnostic[],
  search: Promise<SearchIndex>,
): Promise<BuildResult> {
  const progress = options.progress ?? silentProgress;
  const { staged, live } = await stageSite(outputDir, records, liveRecord);
  const news = site.plan;
  try {
    progress.phase("Keeping unchanged pages");
    const fingerprints = pageFingerprints(news, builder);
    const kept = await keepUnchangedPages(fingerprints, staged, live);
    const singlePrint = singlePagesFingerprint(news, fingerprints, builder);
    const keptSinglePages = await keepSinglePages(singlePrint, staged, live);
    // Pictures are encoded here, not when content loads, so `check` never pays for it.
    progress.phase("Encoding pictures");
    const pictures = await encodeRenditions(
      news.imageJobs,
      options.imageCacheDir ?? path.join(PROJECT_ROOT, DEFAULT_IMAGE_CACHE),
    );
    const threads = options.pageThreads ?? pageThreads(news.articles.length);
    const passes = planPagePasses(site, kept.urls, {
      threads,
      ...(options.pagesPerPass ? { pagesPerPass: options.pagesPerPass } : {}),
      ...(options.parallelPagesFrom ? { parallelFrom: options.parallelPagesFrom } : {}),
      keepSinglePages: keptSinglePages !== undefined,
    });
    const total = passes.reduce((sum, pass) => sum + pass.pages, 0);
    let done = 0;
    progress.phase("Writing pages");
    const written = await writePasses(staged.fresh, passes, parts, threads, (pass) => {
      done += pass.pages;
      progress.advance(done, total);
    });
    progress.phase("Indexing search");
    const { linked, shardList } = await search;
    // Files beside the pages: the web editor at /admin/, the list of search shards.
    await writeExtraFiles(staged.fresh, [
      ...(await adminFiles({ settings: news.site, contentDir: options.contentDir })),
      shardList,
    ]);
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
        diagnostics: [...diagnostics, ...incomplete],
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
        inputs ? { ...readDigest(options.contentDir, inputs), diagnostics, builder } : undefined,
      ).catch(() => undefined);
    }
    return {
      ok: true,
      diagnostics,
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
