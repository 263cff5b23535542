import type { ArticleEntry } from "../content/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article } from "./article.ts";
import { NO_TERM_LINKS, type TermLinker } from "./autolink-terms.ts";
import { isRefused } from "./body.ts";
import { bodyRequest, completeArticle } from "./render-articles.ts";
import { bodyKey } from "./render-bodies.ts";
import type { RenderCache } from "./render-cache.ts";
import { renderRequest } from "./render-request.ts";

/**
 * Renders one entry's body in the calling thread, linking the names `linker` knows, and keeps
 * its HTML in `cache`'s store.
 */
export function renderArticle(
  entry: ArticleEntry,
  cache: RenderCache,
  linker: TermLinker = NO_TERM_LINKS,
  pathPrefix = "/",
): { article?: Article; diagnostics: Diagnostic[] } {
  const request = bodyRequest(entry);
  const body = renderRequest(request, linker, pathPrefix);
  return completeArticle(
    entry,
    isRefused(body) ? body : cache.keep(bodyKey(request, linker, pathPrefix), body),
  );
}
