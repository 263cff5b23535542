import type { ArticleEntry } from "../content/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article } from "./article.ts";
import { NO_TERM_LINKS, type TermLinker } from "./autolink-terms.ts";
import { bodyRequest, completeArticle } from "./render-articles.ts";
import { renderRequest } from "./render-request.ts";

/** Renders one entry's body in the calling thread, linking the names `linker` knows. */
export function renderArticle(
  entry: ArticleEntry,
  linker: TermLinker = NO_TERM_LINKS,
  pathPrefix = "/",
): { article?: Article; diagnostics: Diagnostic[] } {
  return completeArticle(entry, renderRequest(bodyRequest(entry), linker, pathPrefix));
}
