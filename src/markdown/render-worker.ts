import { answerBatches } from "../worker-batches.ts";
import { termLinker } from "./autolink-terms.ts";
import type { BodyOutcome, BodyRequest } from "./body.ts";
import type { RenderWorkerData } from "./render-pool.ts";
import { renderRequest } from "./render-request.ts";

/** A render worker: the build's names arrive once, then batches of bodies to render. */
answerBatches<RenderWorkerData, BodyRequest, BodyOutcome>(({ linkUrls, pathPrefix }) => {
  const linker = termLinker(new Map(linkUrls));
  return (request) => renderRequest(request, linker, pathPrefix);
});
