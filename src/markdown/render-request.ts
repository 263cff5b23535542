import { remarkAutolinkTerms, type TermLinker } from "./autolink-terms.ts";
import type { BodyOutcome, BodyRequest } from "./body.ts";
import { MarkdownLimitError, renderMarkdown } from "./render-markdown.ts";
import { remarkSitePaths } from "./site-paths.ts";

// Apart from `render-bodies.ts` so that remark loads only in a run with a body to render:
// a build whose bodies all come from the cache never pays for it.

/** Renders one body: the same function runs in the calling thread and in workers. */
export function renderRequest(
  request: BodyRequest,
  linker: TermLinker,
  pathPrefix = "/",
): BodyOutcome {
  const autolink = request.autolink
    ? remarkAutolinkTerms(linker, new Map(request.ownUrls))
    : undefined;
  const sitePaths = remarkSitePaths(pathPrefix);
  try {
    return renderMarkdown(request.markdown, (tree) => {
      autolink?.(tree);
      sitePaths(tree);
    });
  } catch (error) {
    if (error instanceof MarkdownLimitError) return { refused: error.limit };
    throw error;
  }
}
