import { Worker } from "node:worker_threads";
import type { BodyOutcome, BodyRequest } from "./body.ts";

/** Bodies sent to a worker at once: large enough to amortize messaging, small enough to balance. */
const BATCH_SIZE = 25;

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./render-worker.mjs", import.meta.url);

export interface WorkerReply {
  batch: number;
  bodies?: BodyOutcome[];
  error?: string;
}

/**
 * Renders bodies on `workerCount` threads, each fed batches as it finishes the last, so two
 * cores share the work evenly whatever the article lengths. Results are in request order;
 * `onRendered` hears how many bodies are done as each batch comes back.
 */
export async function renderInWorkers(
  requests: readonly BodyRequest[],
  linkUrls: ReadonlyMap<string, string>,
  pathPrefix: string,
  workerCount: number,
  onRendered: (done: number) => void = () => {},
): Promise<BodyOutcome[]> {
  const batches: BodyRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    batches.push(requests.slice(start, start + BATCH_SIZE));
  }
  const results: BodyOutcome[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from(
    { length: Math.min(workerCount, batches.length) },
    () => new Worker(WORKER_ENTRY, { workerData: { linkUrls: [...linkUrls], pathPrefix } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, requests: batches[batch] });
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.error !== undefined || !reply.bodies) {
                return reject(new Error(`Internal error while rendering Markdown: ${reply.error}`));
              }
              results[reply.batch] = reply.bodies;
              sendNext();
              done += reply.bodies.length;
              onRendered(done);
            });
            worker.on("error", reject);
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
