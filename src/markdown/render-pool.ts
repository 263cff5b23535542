import { runBatches } from "../worker-batches.ts";
import type { BodyOutcome, BodyRequest } from "./body.ts";

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./render-worker.mjs", import.meta.url);

/** What every render worker gets once: the build's names that link, and the site's path. */
export interface RenderWorkerData {
  linkUrls: Array<[string, string]>;
  pathPrefix: string;
}

/**
 * Renders bodies on `workerCount` threads, 25 bodies a batch, so two cores share the work
 * evenly whatever the article lengths. Results are in request order; `onRendered` hears how
 * many bodies are done as each batch comes back.
 */
export function renderInWorkers(
  requests: readonly BodyRequest[],
  linkUrls: ReadonlyMap<string, string>,
  pathPrefix: string,
  workerCount: number,
  onRendered: (done: number) => void = () => {},
): Promise<BodyOutcome[]> {
  const workerData: RenderWorkerData = { linkUrls: [...linkUrls], pathPrefix };
  return runBatches<BodyRequest, BodyOutcome>(WORKER_ENTRY, requests, {
    workerCount,
    batchSize: 25,
    workerData,
    task: "rendering Markdown",
    onDone: onRendered,
  });
}
