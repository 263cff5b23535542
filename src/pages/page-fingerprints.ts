import { createHash } from "node:crypto";
import type { News } from "./site-data.ts";

/**
 * What the layout (`templates/layouts/base.njk`) reads of `news` on every page besides the
 * page's own head metadata. A page is only as unchanged as these are, so they are part of
 * every fingerprint; a test keeps this list in step with the templates.
 */
export const LAYOUT_READS = [
  "site",
  "siteFeeds",
  "navigation",
  "digests.index.url",
  "archives.index.url",
  "sourceIndex.url",
  "corrections.url",
] as const;

function valueAt(news: News, dottedPath: string): unknown {
  let value: unknown = news;
  for (const key of dottedPath.split(".")) {
    value =
      value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}

function digest(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("base64url");
}

/**
 * A fingerprint of everything an article page or a company, model or partner page is made
 * from: the builder's version, what the layout shows on every page, the page's own data (for
 * an article: its HTML, related articles, pictures…) and its head metadata. Two builds that
 * give a page the same fingerprint write the same file. Other pages (home pages, feeds,
 * digests, archives, sitemaps) read lists of the whole site and are always written.
 */
export function pageFingerprints(news: News, builderVersion: string): Map<string, string> {
  const shared = digest([
    builderVersion,
    ...LAYOUT_READS.map((read) => JSON.stringify(valueAt(news, read) ?? null)),
  ]);
  const fingerprintOf = (template: string, page: { url: string }) =>
    digest([
      shared,
      template,
      JSON.stringify(page),
      JSON.stringify(news.pageMeta[page.url] ?? null),
    ]);
  const fingerprints = new Map<string, string>();
  for (const article of news.articles) {
    fingerprints.set(article.url, fingerprintOf("article", article));
  }
  for (const page of news.termPages) fingerprints.set(page.url, fingerprintOf("term-page", page));
  return fingerprints;
}
