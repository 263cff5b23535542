import type { ArticleEntry } from "../content/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { ownTermUrls } from "../taxonomy/term-link-names.ts";
import type { Article } from "./article.ts";
import { type BodyRequest, isRefused } from "./body.ts";
import { excerpt } from "./excerpt.ts";
import { droppedScheme } from "./link-safety.ts";
import { type KeptOutcome, type RenderSetup, renderBodies } from "./render-bodies.ts";

export interface RenderedArticles {
  /** The entries whose bodies rendered, in the order given. */
  articles: Article[];
  diagnostics: Diagnostic[];
}

/** What rendering an entry's body needs, as plain data (it may go to a worker). */
export function bodyRequest(entry: ArticleEntry): BodyRequest {
  return {
    markdown: entry.markdown,
    autolink: entry.autolink,
    ownUrls: [...ownTermUrls(entry)],
  };
}

/** Body places are the body's own; messages need the file's lines. */
function fileLine(line: number, entry: ArticleEntry): number {
  return entry.bodyStartLine + line - 1;
}

/**
 * Checks an entry's rendered body and makes it an article. A body refused for its size or
 * nesting is one error where it goes past the limit; raw HTML and unsafe links are warnings
 * at their place in the file, and the article is published without them.
 */
export function completeArticle(
  entry: ArticleEntry,
  body: KeptOutcome,
): { article?: Article; diagnostics: Diagnostic[] } {
  const { file } = entry;
  if (isRefused(body)) {
    const { ruleId, place, message, fix } = body.refused;
    const line = fileLine(place.line, entry);
    return {
      diagnostics: [{ file, line, column: place.column, severity: "error", ruleId, message, fix }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const place of body.rawHtml) {
    diagnostics.push({
      file,
      line: fileLine(place.line, entry),
      column: place.column,
      severity: "warning",
      ruleId: "raw-html",
      message: "raw HTML is not published",
      fix: "write it in Markdown: **bold**, _italic_, [link](https://…)",
    });
  }
  for (const link of body.links) {
    const scheme = droppedScheme(link.url, link.isImage);
    if (scheme === undefined) continue;
    diagnostics.push({
      file,
      line: fileLine(link.place.line, entry),
      column: link.place.column,
      severity: "warning",
      ruleId: "unsafe-link",
      message: `${link.isImage ? "an image" : "a link"} to a "${scheme}:" address is not published`,
      fix: "use a web address starting with https:// (in lower case), or an address on this site",
    });
  }
  const { markdown: _markdown, summary, ...rest } = entry;
  return {
    article: { ...rest, summary: summary ?? excerpt(body.firstParagraph), body },
    diagnostics,
  };
}

/**
 * Renders every entry's body once (see `renderBodies`: cached, on all cores when there are
 * many) and checks it. Articles keep the order of `entries`.
 */
export async function renderArticles(
  entries: readonly ArticleEntry[],
  setup: RenderSetup,
): Promise<RenderedArticles> {
  const bodies = await renderBodies(entries.map(bodyRequest), setup);
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = completeArticle(entry, bodies[index] as KeptOutcome);
    diagnostics.push(...result.diagnostics);
    if (result.article) articles.push(result.article);
  }
  return { articles, diagnostics };
}
