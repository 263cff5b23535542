import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { ARTICLES_FOLDER } from "../content/read-article-files.ts";
import { ONE_PAGE_THREAD_FROM } from "../output/write-passes.ts";

/**
 * What a build holds per article at its peak (its HTML, its page's data, its search record,
 * its share of the lists), with room to spare, and what it holds whatever the site's size.
 * Measured: about 0.7–0.9 GiB at 10,000 articles; at 100,000, about 5 GiB live under a 7.4 GiB
 * limit spent 40 % of the build collecting garbage, hence the headroom.
 */
const HEAP_PER_ARTICLE_MIB = 0.08;
const HEAP_BASE_MIB = 1024;

/**
 * Below V8's default limit, the build of a large site (from `ONE_PAGE_THREAD_FROM` articles,
 * whose pages are written in the build's own thread) is held to this heap: V8 grows a heap
 * lazily, up to about 4 GiB on a large machine, rather than collect, and a 10,000-article
 * build reached 1.3 GiB of heap holding about 0.3 GiB of live data. Smaller sites keep V8's
 * default: their heap never grows far, and running again costs start-up.
 */
const CAP_PER_ARTICLE_MIB = 0.032;
const CAP_BASE_MIB = 384;

/** Never more than this share of the machine's memory. */
const SHARE_OF_MEMORY = 0.75;

/** Set in the process started with a sized heap, so it does not start another. */
const SIZED = "NEWS_DIGEST_HEAP_SIZED";

/**
 * The heap to ask for, in MiB, for a site of `articles`: more than `currentLimitMiB` when the
 * site needs more (capped by the machine's memory), less when `capped` and the site is large
 * enough for V8's lazy growth to matter; undefined when the current heap will do.
 */
export function heapToRequest(
  articles: number,
  currentLimitMiB: number,
  machineMemoryMiB: number,
  capped = false,
): number | undefined {
  const needed = Math.ceil(HEAP_BASE_MIB + articles * HEAP_PER_ARTICLE_MIB);
  if (needed > currentLimitMiB) {
    const allowed = Math.floor(machineMemoryMiB * SHARE_OF_MEMORY);
    return allowed > currentLimitMiB ? Math.min(needed, allowed) : undefined;
  }
  if (!capped || articles < ONE_PAGE_THREAD_FROM) return undefined;
  const cap = Math.ceil(CAP_BASE_MIB + articles * CAP_PER_ARTICLE_MIB);
  return cap < currentLimitMiB ? cap : undefined;
}

function countArticleFiles(contentDir: string): number {
  try {
    const names = readdirSync(path.join(contentDir, ARTICLES_FOLDER), { recursive: true });
    return names.filter((name) => String(name).endsWith(".md")).length;
  } catch {
    return 0;
  }
}

/**
 * V8 gives a Node process at most about 4 GiB of heap, whatever the machine has: too little
 * for a site of 100,000 articles, and far more than a build of 10,000 needs, which V8 then
 * fills before it collects. The heap in MiB a command on the site in `contentDir` should run
 * under when the site needs more, or (`capped`, for `build`) is large enough to be held to
 * less; undefined when this process will do, or is already the one started for it.
 */
export function heapFor(contentDir: string, capped = false): number | undefined {
  if (process.env[SIZED]) return undefined;
  return heapToRequest(
    countArticleFiles(contentDir),
    getHeapStatistics().heap_size_limit / 2 ** 20,
    os.totalmem() / 2 ** 20,
    capped,
  );
}

/**
 * Runs this command again in a Node process with a heap of `heapMiB`, with `extraArguments`
 * after its own, and returns its exit status.
 */
export function runAgainWithHeap(heapMiB: number, extraArguments: readonly string[] = []): number {
  const rerun = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${heapMiB}`,
      ...process.argv.slice(1),
      ...extraArguments,
    ],
    { stdio: "inherit", env: { ...process.env, [SIZED]: "1" } },
  );
  return rerun.status ?? 1;
}

/**
 * The command again under the heap `heapFor` asks for, when it asks for one: its exit
 * status; otherwise undefined, and the command goes on here.
 */
export function rerunWithHeapFor(contentDir: string, capped = false): number | undefined {
  const heap = heapFor(contentDir, capped);
  return heap === undefined ? undefined : runAgainWithHeap(heap);
}
