import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { outputFileOf, siteUrlOf } from "../urls.ts";
import { runBatches } from "../worker-batches.ts";
import { type LinkProblem, type LinkSite, linkChecker } from "./check-links.ts";
import { pageReferences } from "./listed-articles.ts";

/** What the completeness check needs of one written page, read once. */
export interface WrittenPage {
  /** The articles its lists link to, in order, as site URLs: `/articles/x/`. */
  listed: string[];
  /** What is wrong with the addresses it refers to, each address once. */
  problems: LinkProblem[];
}

/** Everything a reader of written pages needs, sent once to each thread. */
export interface PageReading {
  outputDir: string;
  /** The site, with every file of its output. */
  site: { baseUrl: string; pathPrefix: string; files: string[] };
  /** The published address every article page starts with: `/news-digest/articles/`. */
  articlesPrefix: string;
}

/**
 * Below this many pages, reading in the calling thread costs less than starting threads; a
 * cold build checks every page of the site, thousands, and a warm one the few it wrote.
 */
export const PAGES_FOR_THREADS = 2000;

/** Reads one written page at a time, each address's answer remembered across pages. */
export function pageReader(reading: PageReading): (url: string) => WrittenPage | undefined {
  const site: LinkSite = { ...reading.site, files: new Set(reading.site.files) };
  const problemOf = linkChecker(site);
  return (url) => {
    let html: string;
    try {
      html = readFileSync(path.join(reading.outputDir, outputFileOf(url)), "utf8");
    } catch {
      return undefined;
    }
    const references = pageReferences(html, reading.articlesPrefix);
    const problems: LinkProblem[] = [];
    for (const link of new Set(references.links)) {
      const wrong = problemOf(url, link);
      if (wrong) problems.push(wrong);
    }
    return {
      listed: references.listed.map((href) => siteUrlOf(site.pathPrefix, href) ?? href),
      problems,
    };
  };
}

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./page-reader-worker.mjs", import.meta.url);

/**
 * Reads the pages at `urls` (site URLs) of a written site: undefined for a page with no
 * file. From `threadsFrom` pages on, they are read on every core, each thread sent the
 * site's files once.
 */
export async function readWrittenPages(
  reading: PageReading,
  urls: readonly string[],
  threadsFrom = PAGES_FOR_THREADS,
): Promise<Array<WrittenPage | undefined>> {
  const threads = Math.min(availableParallelism(), 4);
  if (urls.length < threadsFrom || threads < 2) return urls.map(pageReader(reading));
  // A missing page comes back as null: a worker's message has no undefined in an array.
  const pages = await runBatches<string, WrittenPage | null>(WORKER_ENTRY, urls, {
    workerCount: threads,
    batchSize: 200,
    workerData: reading,
    task: "checking the written pages",
  });
  return pages.map((page) => page ?? undefined);
}
