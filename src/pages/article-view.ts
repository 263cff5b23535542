import type { Article } from "../content/article.ts";
import type { PartnerStatus } from "../content/article-schema.ts";
import { type ArticleDate, formatDay } from "../dates.ts";
import { type LeadImageView, leadImageView } from "../images/renditions.ts";
import { modelSlug } from "../taxonomy/build-term-index.ts";
import { termUrl } from "../urls.ts";

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
  /** The article's file, for build messages; pages never show it. */
  file: string;
  url: string;
  slug: string;
  title: string;
  summary: string;
  /** Sanitized HTML of the body. */
  html: string;
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

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  mentioned: "mentioned",
  "in-talks": "in talks",
  confirmed: "confirmed partner",
  denied: "partnership denied",
};

/** Words a reader reads in a minute, for "3 min read". */
const WORDS_PER_MINUTE = 220;

export function dateView(date: ArticleDate, locale: string): DateView {
  return { datetime: date.iso, label: formatDay(date, locale) };
}

/**
 * The article as pages show it. Term names are the index's display names, so every
 * page spells a company the same way whatever this article wrote.
 */
export function articleView(
  article: Article,
  locale: string,
  nameOf: (url: string, fallback: string) => string,
  scheduled = false,
): ArticleView {
  const link = (url: string, fallback: string): TermLink => ({ name: nameOf(url, fallback), url });
  return {
    file: article.file,
    url: article.url,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    html: article.body.html,
    date: dateView(article.date, locale),
    ...(article.updated ? { updated: dateView(article.updated, locale) } : {}),
    ...(article.source ? { source: article.source } : {}),
    companies: article.companies.map((company) =>
      link(termUrl("company", company.slug), company.name),
    ),
    models: article.models.map((model) =>
      link(termUrl("model", modelSlug(model.company.slug, model.slug)), model.name),
    ),
    partners: article.partners.map((partner) => ({
      ...link(termUrl("partner", partner.slug), partner.name),
      status: partner.status,
      statusLabel: PARTNER_STATUS_LABELS[partner.status],
    })),
    draft: article.draft,
    scheduled,
    readingMinutes: Math.max(1, Math.round(article.body.wordCount / WORDS_PER_MINUTE)),
    ...(article.image ? { image: leadImageView(article.image) } : {}),
  };
}
