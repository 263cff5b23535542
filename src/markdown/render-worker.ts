import { parentPort, workerData } from "node:worker_threads";
import { termLinker } from "./autolink-terms.ts";
import type { BodyRequest } from "./body.ts";
import type { WorkerReply } from "./render-pool.ts";
import { renderRequest } from "./render-request.ts";

/** A render worker: the build's names arrive once, then batches of bodies to render. */
const { linkUrls, pathPrefix } = workerData as {
  linkUrls: Array<[string, string]>;
  pathPrefix: string;
};
const linker = termLinker(new Map(linkUrls));

parentPort?.on("message", ({ batch, requests }: { batch: number; requests: BodyRequest[] }) => {
  let reply: WorkerReply;
  try {
    reply = {
      batch,
      bodies: requests.map((request) => renderRequest(request, linker, pathPrefix)),
    };
  } catch (error) {
    reply = {
      batch,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
