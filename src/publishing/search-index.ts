import path from "node:path";
import * as pagefind from "pagefind";

/** Where the search files go inside the site: the search page loads its UI from here. */
export const SEARCH_FOLDER = "pagefind";

/**
 * Indexes a built site with Pagefind and writes the index and its UI into the site's
 * `pagefind/` folder. Only article pages are read, and in them only the region marked
 * `data-pagefind-body`.
 */
export async function writeSearchIndex(siteDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Search finds articles; reading only their pages spares Pagefind two pages in five.
    const added = await index.addDirectory({ path: siteDir, glob: "articles/**/*.html" });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_FOLDER) });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    }
  } finally {
    await pagefind.close();
  }
}
