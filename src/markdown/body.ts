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

export function isRefused(body: BodyOutcome): body is RefusedBody {
  return "refused" in body;
}
