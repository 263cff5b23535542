import type { PartnerStatus } from "../content/article-schema.ts";
import type { Article } from "../markdown/article.ts";
import type { BodyRef } from "../markdown/body.ts";
import type { Term as TaxonomyTerm, TermIndex as TaxonomyTermIndex } from "../taxonomy/term.ts";
import type { LeadImageView } from "./renditions.ts";

/** The site's terms hold rendered articles. */
export type Term = TaxonomyTerm<Article>;
export type TermIndex = TaxonomyTermIndex<Article>;

export interface DateView {
  /** For `<time datetime>`. */
  datetime: string;
  /** In the site's language: `1 June 2022`. */
  label: string;
}

export interface TermLink {
  name: string;
  url: string;
}

export interface PartnerLink extends TermLink {
  status: PartnerStatus;
  statusLabel: string;
}

/** What templates show of an article: every value final, nothing left to compute. */
export interface ArticleView {
  /**
   * What the view is made from, as a digest: the article's data, the site's language, the
   * names its term links show and whether it is scheduled. Two builds of the same code that
   * give a view the same key make the same view, so a page's fingerprint takes the key of
   * each view it shows instead of the view (`pageFingerprints`). Pages never show it.
   */
  key: string;
  /** The article's file, for build messages; pages never show it. */
  file: string;
  url: string;
  slug: string;
  title: string;
  summary: string;
  /** Where the body's sanitized HTML is kept: read only when the article's page is written. */
  body: BodyRef;
  /** The body's HTML, on the article's page: read in by `withPageParts` as it is written. */
  html?: string;
  date: DateView;
  updated?: DateView;
  source?: { name: string; url?: string };
  companies: TermLink[];
  models: TermLink[];
  partners: PartnerLink[];
  draft: boolean;
  /** Dated after today: shown only in previews, marked. */
  scheduled: boolean;
  readingMinutes: number;
  /** The lead picture, on the article page and in lists. */
  image?: LeadImageView;
}

export interface TermSummary extends TermLink {
  count: number;
}

/** The companies, models and partners a list card links. */
export type CardTerms = Pick<ArticleView, "companies" | "models" | "partners">;

export interface ListEntry {
  /**
   * A card shown under one of its article's terms (`entryUnder`): the view's key and the
   * term's address, which decide the card. Other cards are their view alone.
   */
  key?: string;
  article: ArticleView;
  /** On a partner's page: how this article describes the partnership. */
  partnerStatus?: { status: string; label: string };
  /**
   * On a term's page and under a digest's company: the article's terms without that one,
   * which every card there would otherwise link to (elsewhere a card links all of them).
   */
  terms?: CardTerms;
}

/**
 * A card of an article in a list, as planned: the article, and the term it is shown under
 * (`entryUnder`), with the key of the card it makes. Made into a `ListEntry` only for the
 * pages a build writes.
 */
export interface PlannedEntry {
  key: string;
  article: Article;
  /** The address of the term the card is shown under, whose link it leaves out. */
  under?: string;
}

/** Plans the card of an article, shown under the term at `under` when given. */
export type EntryOf = (article: Article, under?: string) => PlannedEntry;
