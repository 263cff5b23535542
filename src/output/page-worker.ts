import { parentPort } from "node:worker_threads";
import type { News } from "../site/news.ts";
import { writePages } from "./eleventy-site.ts";

export interface PassRequest {
  outputDir: string;
  news: News;
  singlePages: boolean;
}

export interface PassReply {
  /** The files the pass wrote. */
  files?: string[];
  error?: string;
}

/** A page worker: writes each pass it is sent with its own Eleventy run, one at a time. */
parentPort?.on("message", async ({ outputDir, news, singlePages }: PassRequest) => {
  let reply: PassReply;
  try {
    reply = { files: await writePages(outputDir, news, singlePages) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
