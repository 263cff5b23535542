import { availableParallelism } from "node:os";
import { type TermLinker, termLinker } from "./autolink-terms.ts";
import {
  type BodyFacts,
  type BodyOutcome,
  type BodyRequest,
  isRefused,
  type RefusedBody,
} from "./body.ts";
import { type RenderCache, renderKey } from "./render-cache.ts";
import { renderInWorkers } from "./render-pool.ts";

export interface RenderSetup {
  /** Every name that links to a page in this build (name → page). */
  linkUrls: ReadonlyMap<string, string>;
  /** The path the site is published under (`/news-digest/`); links to its pages start with it. Default `/`. */
  pathPrefix?: string;
  cache: RenderCache;
  /** Hears how many of all bodies are rendered, cached ones first, then as others finish. */
  onRendered?: (done: number, total: number) => void;
}

/**
 * Below this many bodies to render, starting worker threads costs more than it saves.
 * Tests and small sites render in the calling thread.
 */
export const PARALLEL_THRESHOLD = 200;

/**
 * What a body's HTML depends on: its Markdown, whether it links names, its own readings, and
 * the pages of the build's names that occur in its text. A changed registry entry or a new
 * term page thus re-renders only the articles whose text names it.
 */
export function bodyKey(request: BodyRequest, linker: TermLinker, pathPrefix: string): string {
  const linkedNames =
    request.autolink && linker.pattern
      ? [...new Set(request.markdown.match(linker.pattern) ?? [])]
          .sort()
          .map((name) => `${name}→${linker.urls.get(name) ?? ""}`)
      : [];
  return renderKey([
    request.markdown,
    request.autolink ? "autolink" : "plain",
    JSON.stringify([...request.ownUrls].sort()),
    linkedNames.join("\n"),
    pathPrefix,
  ]);
}

/** A body's facts (its HTML kept in the cache's store), or why it was refused. */
export type KeptOutcome = BodyFacts | RefusedBody;

/**
 * Renders every body once: bodies an earlier build rendered come from the cache, the rest
 * are rendered on all cores when there are many, and their HTML is kept in the cache's store.
 * Results are in request order; a refused body is never cached, so it is checked again, and
 * refused again, until it is corrected.
 */
export async function renderBodies(
  requests: readonly BodyRequest[],
  setup: RenderSetup,
): Promise<KeptOutcome[]> {
  const linker = termLinker(setup.linkUrls);
  const pathPrefix = setup.pathPrefix ?? "/";
  const keys = requests.map((request) => bodyKey(request, linker, pathPrefix));
  const kept: Array<BodyFacts | undefined> = keys.map((key) => setup.cache.reuse(key));
  const results: Array<BodyOutcome | undefined> = [];
  const missing = kept.flatMap((body, index) => (body ? [] : [index]));
  const cached = requests.length - missing.length;
  const reportRendered = (rendered: number) =>
    setup.onRendered?.(cached + rendered, requests.length);
  reportRendered(0);
  const workers = Math.min(availableParallelism(), 4);
  if (missing.length >= PARALLEL_THRESHOLD && workers > 1) {
    const bodies = await renderInWorkers(
      missing.map((index) => requests[index] as BodyRequest),
      setup.linkUrls,
      pathPrefix,
      workers,
      reportRendered,
    );
    missing.forEach((index, position) => {
      results[index] = bodies[position];
    });
  } else if (missing.length > 0) {
    const { renderRequest } = await import("./render-request.ts");
    for (const [position, index] of missing.entries()) {
      results[index] = renderRequest(requests[index] as BodyRequest, linker, pathPrefix);
      reportRendered(position + 1);
    }
  }
  return keys.map((key, index) => {
    const reused = kept[index];
    if (reused) return reused;
    const body = results[index];
    if (!body) throw new Error(`Internal error: body ${index} was not rendered`);
    return isRefused(body) ? body : setup.cache.keep(key, body);
  });
}
