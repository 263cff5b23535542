import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { writePages } from "./eleventy-site.ts";
import type { PagePass } from "./page-passes.ts";
import type { PassReply } from "./page-worker.ts";

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./page-worker.mjs", import.meta.url);

/** Threads that write pages at once: every core, as the build's main thread only waits. */
export function pageThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/**
 * Writes the passes `planPagePasses` planned into `outputDir` and returns how many files
 * were written (the single pages, which every pass writes, once). The last pass writes the single pages from the full data, so it runs after
 * all others; the others run on `threads` worker threads at once when there are several,
 * in the calling thread otherwise. `onPass` hears each finished pass.
 */
export async function writePasses(
  outputDir: string,
  passes: readonly PagePass[],
  threads: number,
  onPass: (pass: PagePass) => void = () => {},
): Promise<number> {
  const last = passes.at(-1);
  const others = passes.slice(0, -1);
  const files = new Set<string>();
  const add = (written: readonly string[]) => {
    for (const file of written) files.add(file);
  };
  if (threads > 1 && others.length > 1) {
    add(await writeOnThreads(outputDir, others, threads, onPass));
  } else {
    for (const pass of others) {
      add(await writePages(outputDir, pass.news));
      onPass(pass);
    }
  }
  if (last) {
    add(await writePages(outputDir, last.news));
    onPass(last);
  }
  return files.size;
}

async function writeOnThreads(
  outputDir: string,
  passes: readonly PagePass[],
  threads: number,
  onPass: (pass: PagePass) => void,
): Promise<string[]> {
  let next = 0;
  const files: string[] = [];
  const workers = Array.from(
    { length: Math.min(threads, passes.length) },
    () => new Worker(WORKER_ENTRY),
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
              worker.postMessage({ outputDir, news: current.news });
            };
            worker.on("message", (reply: PassReply) => {
              if (reply.error !== undefined || !reply.files) {
                return reject(new Error(`Internal error while writing pages: ${reply.error}`));
              }
              files.push(...reply.files);
              if (current) onPass(current);
              sendNext();
            });
            worker.on("error", reject);
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return files;
}
