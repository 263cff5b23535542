import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BuildProgress } from "../progress.ts";
import type { InputsSeen } from "./build-inputs.ts";
import type { BuildLockOptions } from "./build-lock.ts";
import type { LiveSite } from "./stage-site.ts";

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
  /** Threads writing pages at once; every core by default, one for a large site (see `pageThreads`). */
  pageThreads?: number;
  /** From how many list items to write the threads share them; small in tests. */
  parallelPagesFrom?: number;
  /** Shows how far the build is; silent when absent. */
  progress?: BuildProgress;
  /** How long to wait for another build of the same output, and what to say meanwhile. */
  lock?: BuildLockOptions;
  /** The moment that decides which articles are scheduled; defaults to now. */
  now?: Date;
  /**
   * The inputs (`buildInputsDigest`), when the command saw them just before, asking
   * `buildSiteHere`, and hands the build to a process with a heap sized to the site: reading
   * every file of the content folder once more would cost that build its time. Seen here
   * when absent.
   */
  knownInputs?: InputsSeen;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Pages Eleventy wrote; 0 when the build stopped on content errors. */
  pageCount: number;
  /** Pages and files of the single pages kept from the previous build, unchanged. */
  reusedCount: number;
}

/** What a build that has something to do learnt while deciding so, holding the lock. */
export interface BuildContext {
  /** The output folder, resolved. */
  outputDir: string;
  /** Where the records of its versions are kept; none when pages are not kept. */
  records: string | undefined;
  /** The version the output links to, with its record. */
  live: LiveSite | undefined;
  /**
   * This build's inputs as it started: their digest is recorded with the new version unless
   * a content file was written while the build ran.
   */
  inputs: InputsSeen | undefined;
  now: Date;
  /** The builder's version, computed once per build. */
  builder: string;
}
