import { type BodyOutcome, isRefused } from "../../src/markdown/body.ts";
import type { KeptOutcome } from "../../src/markdown/render-bodies.ts";
import type { RenderCache } from "../../src/markdown/render-cache.ts";

/**
 * What `renderBodies` kept, as the renderer gave it: each body's facts with its HTML read back
 * from the cache's store (a refusal as it is), to compare with `renderRequest`'s results.
 */
export function asRendered(cache: RenderCache, outcomes: readonly KeptOutcome[]): BodyOutcome[] {
  return outcomes.map((outcome) => {
    if (isRefused(outcome)) return outcome;
    const { key: _key, digest: _digest, ...facts } = outcome;
    return { ...facts, html: cache.bodies.html(outcome) };
  });
}
