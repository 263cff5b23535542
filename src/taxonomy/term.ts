import type { Mentions, ModelMention, TermMention } from "../content/article.ts";
import { type TermKind, termUrl } from "../urls.ts";

/**
 * Names in the order readers expect them in lists: English order, case and accents aside.
 * One collator for the many comparisons a sort makes: `localeCompare` with options makes one
 * for each.
 */
export const compareNames = new Intl.Collator("en", { sensitivity: "base" }).compare;

/** A company, model or partner page's subject, with every article that names it. */
export interface Term<A extends Mentions = Mentions> {
  kind: TermKind;
  /** Unique within its kind; for models `<company-slug>-<model-slug>`. */
  slug: string;
  /** The slug of the name alone: for models without the company's, as the registry keys it. */
  nameSlug: string;
  /** The most frequent spelling among its articles. */
  name: string;
  url: string;
  /** Newest first. */
  articles: A[];
  /** For a model: its company. */
  company?: Term<A>;
  /** For a company: its models, by name. */
  models: Term<A>[];
}

export interface TermIndex<A extends Mentions = Mentions> {
  companies: Term<A>[];
  models: Term<A>[];
  partners: Term<A>[];
}

/** Model slugs carry their company's, so Geely Atlas and Volkswagen Atlas get two pages. */
export function modelSlug(companySlug: string, ownSlug: string): string {
  return `${companySlug}-${ownSlug}`;
}

/** The slug of the page an article's mention of a term links to. */
export function mentionSlug(kind: "model", mention: ModelMention): string;
export function mentionSlug(kind: TermKind, mention: TermMention): string;
export function mentionSlug(kind: TermKind, mention: TermMention | ModelMention): string {
  return kind === "model" && "company" in mention
    ? modelSlug(mention.company.slug, mention.slug)
    : mention.slug;
}

/** The page an article's mention of a term links to: the one place that decides it. */
export function mentionUrl(kind: "model", mention: ModelMention): string;
export function mentionUrl(kind: TermKind, mention: TermMention): string;
export function mentionUrl(kind: TermKind, mention: TermMention | ModelMention): string {
  return termUrl(kind, mentionSlug(kind, mention));
}

/** The name each term's page shows, by its URL: how every page spells the term. */
export function termNames(index: TermIndex): Map<string, string> {
  const names = new Map<string, string>();
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    names.set(term.url, term.name);
  }
  return names;
}
