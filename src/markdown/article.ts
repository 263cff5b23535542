import type { ArticleEntry } from "../content/article.ts";
import type { RenderedBody } from "./render-markdown.ts";

/** An article with its body rendered: what the site is assembled from. */
export interface Article extends Omit<ArticleEntry, "markdown" | "summary"> {
  /** The editor's summary, or an excerpt of the first paragraph. */
  summary: string;
  body: RenderedBody;
}
