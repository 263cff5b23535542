import { createHash } from "node:crypto";
import type { AnySiteModel } from "../site/news.ts";
import { PAGE_LISTS } from "../site/page-lists.ts";

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

function valueAt(news: AnySiteModel, dottedPath: string): unknown {
  let value: unknown = news;
  for (const key of dottedPath.split(".")) {
    value =
      value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Texts at least this long are hashed once each, however many pages show them. */
const LONG_TEXT = 256;

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

function digest(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("base64url");
}

/**
 * The key of a value made from what the key names (see `ArticleView.key`): an article's view,
 * an article page's data (which extends it) or plan (`ArticlePlan`), a card shown under a
 * term (`ListEntry.key`) or a planned card (`PlannedEntry`).
 */
function keyOf(value: object): string | undefined {
  const { key, body, article } = value as { key?: unknown; body?: unknown; article?: unknown };
  return typeof key === "string" && (typeof body === "object" || typeof article === "object")
    ? key
    : undefined;
}

/**
 * A site feed's entry (`FeedEntry`, with where its body is kept) or what a term's first page
 * says of it (`TermAbout`, with its facts): data that many pages or files share, digested once.
 */
function isShared(value: object): boolean {
  return typeof (value as { body?: unknown }).body === "object" || "facts" in value;
}

/** Stand-ins computed once per build: a digest for each shared value and each long text. */
interface Digests {
  shared: WeakMap<object, string>;
  texts: Map<string, string>;
}

/**
 * The value ready to be serialized for a fingerprint: every keyed value inside it, and the
 * value itself, replaced by its key, which decides it (`keyOf`); every other shared value by
 * the digest of its own data, every long text by its digest. A view appears on its own page
 * and in every list that shows it: serialized and hashed once per build, as before views had
 * keys, views were a third of a warm build's fingerprints at 10,000 articles, and the cards
 * made from them half of the rest. A body stands in by the digest of its HTML, which is never
 * read here. Nothing is changed once the site's data is built.
 */
function standIn(value: unknown, digests: Digests, top = true): unknown {
  if (typeof value === "string") {
    if (value.length < LONG_TEXT) return value;
    let text = digests.texts.get(value);
    if (text === undefined) {
      text = sha1(value);
      digests.texts.set(value, text);
    }
    return text;
  }
  if (value === null || typeof value !== "object") return value;
  // What serializes itself (a Date) is left to JSON.stringify.
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return value;
  const key = keyOf(value);
  if (key !== undefined) return key;
  if (!top && isShared(value)) {
    let digest = digests.shared.get(value);
    if (digest === undefined) {
      digest = sha1(JSON.stringify(standIn(value, digests)));
      digests.shared.set(value, digest);
    }
    return digest;
  }
  if (Array.isArray(value)) return value.map((element) => standIn(element, digests, false));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = standIn((value as Record<string, unknown>)[key], digests, false);
  }
  return copy;
}

/**
 * A fingerprint of everything a page of a list with known reads is made from: the builder's
 * version, what the layout shows on every page, what the list's templates read besides, the
 * page's own data (for an article: its HTML, related articles, pictures…) and its head
 * metadata (an article page's by the page's key, from which it is made when the page is
 * written). Two builds that give a page the same fingerprint write the same file. Pages of
 * other lists, and the single pages that read the whole site (sitemaps, indexes), have none
 * and are always written.
 *
 * A build fingerprints the site's plan (`SitePlan`), whose cards and pages stand in by the
 * keys of what they are made from, so that it makes only the pages it writes; a preview
 * fingerprints the data it holds made. The two forms give a page different fingerprints:
 * compare fingerprints of one form only.
 */
export function pageFingerprints(news: AnySiteModel, builderVersion: string): Map<string, string> {
  const shared = digest([
    builderVersion,
    ...LAYOUT_READS.map((read) => JSON.stringify(valueAt(news, read) ?? null)),
  ]);
  // Stand-ins are made in JavaScript and serialized natively: a replacer would call back into
  // JavaScript for every value, about three million calls at 10,000 articles.
  const digests: Digests = { shared: new WeakMap(), texts: new Map() };
  const fingerprints = new Map<string, string>();
  for (const list of PAGE_LISTS) {
    if (!list.reads) continue;
    const listShared = digest([
      shared,
      list.name,
      ...list.reads.map((read) => JSON.stringify(valueAt(news, read) ?? null)),
    ]);
    for (const item of list.items(news)) {
      const data = JSON.stringify(standIn(item, digests));
      list.urlsOf(item).forEach((url, index) => {
        const meta = JSON.stringify(standIn(news.pageMeta[url] ?? null, digests));
        fingerprints.set(url, digest([listShared, list.templates[index] ?? "", data, meta]));
      });
    }
  }
  return fingerprints;
}

/**
 * A fingerprint of everything the single pages (see `singlePageTemplates`) are made from: the
 * builder's version and the site's data but the fingerprinted lists and their pages' head
 * metadata, long texts by their digest. Single pages read no paginated list (a test keeps
 * it so), so an edit that changes only list pages, such as an article's text, keeps them.
 * Two builds that give the single pages the same fingerprint write the same single pages,
 * and the same assets.
 */
export function singlePagesFingerprint(
  news: AnySiteModel,
  fingerprints: ReadonlyMap<string, string>,
  builderVersion: string,
): string {
  let rest = news;
  for (const list of PAGE_LISTS) if (list.reads) rest = list.withItems(rest, []);
  const pageMeta = Object.fromEntries(
    Object.entries(news.pageMeta).filter(([url]) => !fingerprints.has(url)),
  );
  const longTexts = (_key: string, value: unknown): unknown =>
    typeof value === "string" && value.length >= LONG_TEXT ? sha1(value) : value;
  return digest([builderVersion, "single pages", JSON.stringify({ ...rest, pageMeta }, longTexts)]);
}
