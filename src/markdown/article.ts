import type { ArticleEntry } from "../content/article.ts";
import type { BodyFacts } from "./body.ts";

/** An article with its body rendered: what the site is assembled from. */
export interface Article extends Omit<ArticleEntry, "markdown" | "summary"> {
  /** The editor's summary, or an excerpt of the first paragraph. */
  summary: string;
  /** Its HTML is kept apart (`BodyStore`), read only by the pages that show it. */
  body: BodyFacts;
}
