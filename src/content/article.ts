import type { ArticleDate } from "../dates.ts";
import type { Place } from "../diagnostics/diagnostic.ts";
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

/** The companies, models and partners an article names, resolved against the registry. */
export interface Mentions {
  companies: TermMention[];
  models: ModelMention[];
  partners: PartnerMention[];
}

/** An article's lead image, found on disk: the file and what readers are told about it. */
export interface LeadImage {
  /** Absolute, symbolic links resolved, inside the content folder. */
  file: string;
  /** SHA-256 of the file's bytes, hex: published file names change when the picture does. */
  hash: string;
  /** As the picture is shown, its EXIF orientation applied. */
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * A validated article, its body not yet rendered: what the content stage hands on. Its
 * names are resolved, so the taxonomy can index it and the Markdown stage can link them.
 */
export interface ArticleEntry extends Mentions {
  /** Path for messages: `content/articles/chery-localization.md`. */
  file: string;
  slug: string;
  url: string;
  title: string;
  date: ArticleDate;
  updated?: ArticleDate;
  /** The editor's summary; without one, pages show an excerpt of the first paragraph. */
  summary?: string;
  source?: { name: string; url?: string };
  draft: boolean;
  /** As the editors listed them; absent on articles built by hand before corrections existed. */
  corrections?: Correction[];
  /** The Markdown after the front-matter, as written. */
  markdown: string;
  /** Whether names of companies, models and partners in the text link to their pages. */
  autolink: boolean;
  /** The picture shown above the text, in lists and in link previews. */
  image?: LeadImage;
  /** The file line on which the body starts: body places are counted from it. */
  bodyStartLine: number;
  /** Where `date` is written, for messages about it. */
  datePlace: Place;
}

/**
 * An article's fields but its text: what the checks across articles read, of articles loaded
 * now and of those a build keeps from an earlier one alike.
 */
export type ArticleFields = Omit<ArticleEntry, "markdown">;

/** `localeCompare`'s order, without making a collator for each of the many same-day pairs. */
const slugOrder = new Intl.Collator();

/** Newest first; articles of the same moment in slug order, so every build lists them alike. */
export function compareNewestFirst(
  a: Pick<ArticleEntry, "date" | "slug">,
  b: Pick<ArticleEntry, "date" | "slug">,
): number {
  return b.date.instant - a.date.instant || slugOrder.compare(a.slug, b.slug);
}
