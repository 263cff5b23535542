import type { ArticleDate } from "../dates.ts";
import type { Place } from "../diagnostics/diagnostic.ts";
import type { LeadImage } from "../images/lead-image.ts";
import type { RenderedBody } from "../markdown/render-markdown.ts";
import type { PartnerStatus } from "./article-schema.ts";

/** A company, model or partner as one article names it, with where it is named. */
export interface TermMention {
  /** The canonical name from the registry, or the name as written, tidied (see `cleanTermName`). */
  name: string;
  /** The name as the editor wrote it, tidied. */
  written: string;
  /** The identity of the term (see `termSlug`); the registry's for any listed spelling. */
  slug: string;
  /** Whether the registry knows the term. */
  registered: boolean;
  place: Place;
}

export interface ModelMention extends TermMention {
  /** The company the model belongs to in this article. */
  company: TermMention;
}

export interface PartnerMention extends TermMention {
  status: PartnerStatus;
}

/** A correction the editors published after the article, shown with its day. */
export interface Correction {
  date: ArticleDate;
  text: string;
}

/** A validated article, ready for indexes and pages. */
export interface Article {
  /** Path for messages: `content/articles/chery-localization.md`. */
  file: string;
  slug: string;
  url: string;
  title: string;
  date: ArticleDate;
  updated?: ArticleDate;
  /** The editor's summary, or an excerpt of the first paragraph. */
  summary: string;
  source?: { name: string; url?: string };
  draft: boolean;
  /** As the editors listed them; absent on articles built by hand before corrections existed. */
  corrections?: Correction[];
  companies: TermMention[];
  models: ModelMention[];
  partners: PartnerMention[];
  body: RenderedBody;
  /** The picture shown above the text, in lists and in link previews. */
  image?: LeadImage;
  /** The file line on which the body starts: body places are counted from it. */
  bodyStartLine: number;
  /** Where `date` is written, for messages about it. */
  datePlace: Place;
}

/** Newest first; articles of the same moment in slug order, so every build lists them alike. */
export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.instant - a.date.instant || a.slug.localeCompare(b.slug);
}
