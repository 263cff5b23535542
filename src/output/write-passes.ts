import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PagePass } from "./page-passes.ts";
import type { PassReply, PassRequest } from "./page-worker.ts";

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./page-worker.mjs", import.meta.url);

/** Threads that write pages at once: every core, as the build's main thread only waits. */
export function pageThreads(): number {
  return Math.min(availableParallelism(), 4);
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
 * at once when there are several, in the calling thread otherwise. `onPass` hears each
 * finished pass. Eleventy is loaded only when there is a pass to write.
 */
export async function writePasses(
  outputDir: string,
  passes: readonly PagePass[],
  threads: number,
  onPass: (pass: PagePass) => void = () => {},
): Promise<PassesWritten> {
  const last = passes.find((pass) => pass.singlePages);
  const others = passes.filter((pass) => pass !== last);
  const files = new Set<string>();
  const add = (written: readonly string[]) => {
    for (const file of written) files.add(file);
  };
  if (threads > 1 && others.length > 1) {
    add(await writeOnThreads(outputDir, others, threads, onPass));
  } else {
    for (const pass of others) {
      add(await writeInThisThread(outputDir, pass));
      onPass(pass);
    }
  }
  let singlePageFiles: string[] = [];
  if (last) {
    singlePageFiles = await writeInThisThread(outputDir, last);
    add(singlePageFiles);
    onPass(last);
  }
  return { count: files.size, singlePageFiles };
}

async function writeInThisThread(outputDir: string, pass: PagePass): Promise<string[]> {
  const { writePages } = await import("./eleventy-site.ts");
  return writePages(outputDir, pass.news, pass.singlePages);
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
              const request: PassRequest = {
                outputDir,
                news: current.news,
                singlePages: current.singlePages,
              };
              worker.postMessage(request);
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
