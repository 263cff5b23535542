import { parentPort, Worker, workerData } from "node:worker_threads";

/** What a batch worker sends back for one batch: its results in order, or why it failed. */
interface BatchReply<Result> {
  batch: number;
  results?: Result[];
  error?: string;
}

export interface BatchOptions {
  /** Threads at once; each takes the next batch as it finishes one. */
  workerCount: number;
  /** Items sent at once: large enough to amortize messaging, small enough to balance. */
  batchSize: number;
  /** What every worker gets once, before its first batch (`answerBatches` hands it over). */
  workerData?: unknown;
  /** What the work is, for the message of a failure: "rendering Markdown". */
  task: string;
  /** Hears how many items are done as each batch comes back. */
  onDone?: (done: number) => void;
}

/**
 * Runs `items` through the worker at `entry` (one that calls `answerBatches`) on
 * `workerCount` threads, each fed batches as it finishes the last, so the cores share the
 * work evenly however long each item takes. Results are in the items' order.
 */
export async function runBatches<Item, Result>(
  entry: URL,
  items: readonly Item[],
  options: BatchOptions,
): Promise<Result[]> {
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += options.batchSize) {
    batches.push(items.slice(start, start + options.batchSize));
  }
  const results: Result[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from(
    { length: Math.min(options.workerCount, batches.length) },
    () => new Worker(entry, { workerData: options.workerData }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, items: batches[batch] });
            };
            worker.on("message", (reply: BatchReply<Result>) => {
              if (reply.error !== undefined || !reply.results) {
                return reject(new Error(`Internal error while ${options.task}: ${reply.error}`));
              }
              results[reply.batch] = reply.results;
              sendNext();
              done += reply.results.length;
              options.onDone?.(done);
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

/**
 * The worker's side of `runBatches`: `setup` is given the caller's `workerData` once and
 * returns the work to do for each item of every batch sent.
 */
export function answerBatches<Data, Item, Result>(
  setup: (data: Data) => (item: Item) => Result,
): void {
  const work = setup(workerData as Data);
  parentPort?.on("message", ({ batch, items }: { batch: number; items: Item[] }) => {
    let reply: BatchReply<Result>;
    try {
      reply = { batch, results: items.map(work) };
    } catch (error) {
      reply = {
        batch,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    parentPort?.postMessage(reply);
  });
}
