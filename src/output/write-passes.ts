import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PageParts } from "../site/news.ts";
import { withPageParts } from "../site/page-parts.ts";
import type { PagePass } from "./page-passes.ts";
import type { PassReply, PassRequest } from "./page-worker.ts";

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./page-worker.mjs", import.meta.url);

/**
 * The heap a page thread may grow to, in MiB. V8 grows a heap lazily, up to about 4 GiB on a
 * large machine, rather than collect: uncapped, each thread of a 10,000-article build reached
 * 0.8–1 GiB with every page of its passes long written. A pass of `PAGES_PER_THREAD_PASS` term
 * pages, the heaviest list, stays below this; one that does not is written again by the
 * build's own thread, without the limit.
 */
export const PAGE_THREAD_HEAP_MIB = 384;

/**
 * From this many articles, pages are written in the build's own thread only. Each page thread
 * holds its own copy of its pass's data and its own Eleventy (up to `PAGE_THREAD_HEAP_MIB`)
 * beside the site's data in the build's thread: at 10,000 articles two threads took the
 * build's process to 1.7–2.5 GiB, one takes it to under 1 GiB (docs/performance.md). The
 * command also runs such a build under a heap sized to the site (`src/cli/heap-for-site.ts`).
 */
export const ONE_PAGE_THREAD_FROM = 5000;

/**
 * Threads that write pages at once for a site of `articles`: every core, as the build's main
 * thread only waits, unless the site is large.
 */
export function pageThreads(articles: number): number {
  return articles >= ONE_PAGE_THREAD_FROM ? 1 : Math.min(availableParallelism(), 4);
}

export interface PassesWritten {
  /** Files written, each once (every pass writes some of the same files). */
  count: number;
  /** The files of the pass that wrote the single pages, as paths inside the output; none when no pass did. */
  singlePageFiles: string[];
}

/**
 * Writes the passes `planPagePasses` planned into `outputDir`. The pass that writes the single
 * pages, from the full data, runs after all others; the others run on `threads` worker threads
 * at once when there are several, each under a heap of `threadHeapMiB`, in the calling thread
 * otherwise. Each pass's bodies are read, and its article pages' head metadata made
 * (`parts`), as it is written, so that only one pass's are held at a time. `onPass` hears
 * each finished pass. Eleventy is loaded only when there is a pass to write.
 */
export async function writePasses(
  outputDir: string,
  passes: readonly PagePass[],
  parts: PageParts,
  threads: number,
  onPass: (pass: PagePass) => void = () => {},
  threadHeapMiB = PAGE_THREAD_HEAP_MIB,
): Promise<PassesWritten> {
  const last = passes.find((pass) => pass.singlePages);
  const others = passes.filter((pass) => pass !== last);
  const files = new Set<string>();
  const add = (written: readonly string[]) => {
    for (const file of written) files.add(file);
  };
  let inThisThread = others;
  if (threads > 1 && others.length > 1) {
    const onThreads = await writeOnThreads(
      outputDir,
      others,
      parts,
      threads,
      threadHeapMiB,
      onPass,
    );
    add(onThreads.files);
    inThisThread = onThreads.leftOver;
  }
  for (const pass of inThisThread) {
    add(await writeInThisThread(outputDir, pass, parts));
    onPass(pass);
  }
  let singlePageFiles: string[] = [];
  if (last) {
    singlePageFiles = await writeInThisThread(outputDir, last, parts);
    add(singlePageFiles);
    onPass(last);
  }
  return { count: files.size, singlePageFiles };
}

async function writeInThisThread(
  outputDir: string,
  pass: PagePass,
  parts: PageParts,
): Promise<string[]> {
  const { writePages } = await import("./eleventy-site.ts");
  return writePages(outputDir, withPageParts(pass.news, parts), pass.singlePages);
}

/** A worker stopped because its pass needed more than its heap. */
function ranOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "ERR_WORKER_OUT_OF_MEMORY";
}

/**
 * Writes the passes on `threads` workers of `heapMiB` each, each sent the next pass as it
 * finishes one. A worker that runs out of its heap stops; its pass, and any no worker was left to take, are
 * returned as `leftOver`, for the calling thread to write (a pass writes whole files, so
 * writing it again replaces whatever it had written).
 */
async function writeOnThreads(
  outputDir: string,
  passes: readonly PagePass[],
  parts: PageParts,
  threads: number,
  heapMiB: number,
  onPass: (pass: PagePass) => void,
): Promise<{ files: string[]; leftOver: PagePass[] }> {
  let next = 0;
  const files: string[] = [];
  const leftOver: PagePass[] = [];
  const workers = Array.from(
    { length: Math.min(threads, passes.length) },
    () => new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMiB } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: PagePass | undefined;
            const sendNext = () => {
              current = passes[next++];
              if (!current) return resolve();
              try {
                const request: PassRequest = {
                  outputDir,
                  news: withPageParts(current.news, parts),
                  singlePages: current.singlePages,
                };
                worker.postMessage(request);
              } catch (error) {
                reject(error);
              }
            };
            worker.on("message", (reply: PassReply) => {
              if (reply.error !== undefined || !reply.files) {
                return reject(new Error(`Internal error while writing pages: ${reply.error}`));
              }
              files.push(...reply.files);
              if (current) onPass(current);
              sendNext();
            });
            worker.on("error", (error) => {
              if (!ranOutOfMemory(error)) return reject(error);
              if (current) leftOver.push(current);
              resolve();
            });
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { files, leftOver: [...leftOver, ...passes.slice(next)] };
}
