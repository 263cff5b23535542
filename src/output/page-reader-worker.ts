import { answerBatches } from "../worker-batches.ts";
import { type PageReading, pageReader, type WrittenPage } from "./read-written-pages.ts";

/** A page-reading worker: the site's files arrive once, then batches of pages to read. */
answerBatches<PageReading, string, WrittenPage | null>((reading) => {
  const read = pageReader(reading);
  return (url) => read(url) ?? null;
});
