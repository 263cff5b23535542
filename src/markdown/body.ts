import type { MarkdownLimitExceeded } from "./markdown-limits.ts";
import type { RenderedBody } from "./render-markdown.ts";

/** One body to render, as plain data so it can cross to a worker thread. */
export interface BodyRequest {
  markdown: string;
  /** Whether names of companies, models and partners link to their pages. */
  autolink: boolean;
  /** The article's own reading of names (name → page), preferred over the build's. */
  ownUrls: Array<[string, string]>;
}

/** A body past `MARKDOWN_LIMITS`, refused before rendering: plain data, as from a worker. */
export interface RefusedBody {
  refused: MarkdownLimitExceeded;
}

export type BodyOutcome = RenderedBody | RefusedBody;

export function isRefused<T extends object>(body: T | RefusedBody): body is RefusedBody {
  return "refused" in body;
}

/**
 * Where a rendered body's HTML is kept, and what it is: its render key and the digest of the
 * HTML. Pages and search records carry this instead of the HTML, and read the HTML only when
 * they are written; a page's fingerprint takes the digest.
 */
export interface BodyRef {
  key: string;
  digest: string;
}

/**
 * A rendered body as an article carries it: everything checks and lists need, and where its
 * HTML is (`BodyStore`). A build holds these for every article, the HTML of none.
 */
export interface BodyFacts extends Omit<RenderedBody, "html">, BodyRef {}

/** Reads the HTML of a rendered body; throws a `BodyMissingError` when it is not kept. */
export type BodyHtml = (body: BodyRef) => string;
