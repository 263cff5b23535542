import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./search-records.ts";

/** Where the search files go inside the site: the search page loads its UI from here. */
export const SEARCH_FOLDER = "pagefind";

/**
 * Indexes the articles' records with Pagefind, in its own process, and writes the index and
 * its UI into the site's `pagefind/` folder. No page is read: the build can write pages
 * meanwhile.
 */
export async function writeSearchIndex(
  siteDir: string,
  records: readonly SearchRecord[],
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((response) => response.errors);
    if (failed.length > 0) {
      throw new Error(`Pagefind could not index the articles: ${failed.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_FOLDER) });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    }
  } finally {
    await pagefind.close();
  }
}
