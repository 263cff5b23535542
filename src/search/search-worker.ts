import { parentPort } from "node:worker_threads";
import { BodyMissingError } from "../markdown/body-store.ts";
import { type IndexReply, type IndexRequest, indexSearch } from "./search-index.ts";

/** A search worker: indexes the records it is sent, once, and answers with the index. */
parentPort?.once("message", async ({ records, options }: IndexRequest) => {
  let reply: IndexReply;
  try {
    reply = { index: await indexSearch(records, options) };
  } catch (error) {
    reply = {
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof BodyMissingError
        ? { missingBody: { body: error.body, where: error.where } }
        : {}),
    };
  }
  parentPort?.postMessage(reply);
});
