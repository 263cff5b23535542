import { createHash } from "node:crypto";
import type { PartnerStatus } from "../content/article-schema.ts";
import { type ArticleDate, formatDay } from "../dates.ts";
import type { Article } from "../markdown/article.ts";
import { mentionUrl } from "../taxonomy/term.ts";
import { leadImageView } from "./renditions.ts";
import type { ArticleView, CardTerms, DateView, ListEntry, TermLink } from "./views.ts";

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  mentioned: "mentioned",
  "in-talks": "in talks",
  confirmed: "confirmed partner",
  denied: "partnership denied",
};

/**
 * The terms a list card links when it is shown under one of them (on the term's page, under
 * a digest's company heading): all of the article's but that one.
 */
function cardTermsWithout(view: ArticleView, url: string): CardTerms {
  const others = <T extends TermLink>(links: T[]) => links.filter((link) => link.url !== url);
  return {
    companies: others(view.companies),
    models: others(view.models),
    partners: others(view.partners),
  };
}

/**
 * A card shown under one of its article's terms, the one at `url` (on the term's page, under
 * a digest's company): the article's other terms, and under a partner how the article
 * describes the partnership. Made from the view and the address alone, which its key names.
 */
export function entryUnder(view: ArticleView, url: string): ListEntry {
  const partner = view.partners.find((link) => link.url === url);
  return {
    key: `${view.key} ${url}`,
    article: view,
    terms: cardTermsWithout(view, url),
    ...(partner ? { partnerStatus: { status: partner.status, label: partner.statusLabel } } : {}),
  };
}

/** Words a reader reads in a minute, for "3 min read". */
const WORDS_PER_MINUTE = 220;

export function dateView(date: ArticleDate, locale: string): DateView {
  return { datetime: date.iso, label: formatDay(date, locale) };
}

/**
 * The digest of an article's data whole, its body by the digest of its HTML: what an
 * article's view and pages are made from besides the site's settings and names. A load
 * computes it once for each article it reads, and keeps it with the article.
 */
export function articleDigest(article: Article): string {
  return createHash("sha1").update(JSON.stringify(article)).digest("base64url");
}

/**
 * `ArticleView.key`: everything `articleView` reads, the article's data whole by its digest
 * (`articleDigest`, unless given), so that no field added to a view can escape it.
 */
function viewKey(
  article: Article,
  locale: string,
  links: unknown,
  scheduled: boolean,
  digest = articleDigest(article),
): string {
  return createHash("sha1")
    .update(JSON.stringify([locale, scheduled, links]))
    .update(digest)
    .digest("base64url");
}

/** The terms an article's view links, by the names the index shows. */
function termLinks(article: Article, nameOf: (url: string, fallback: string) => string): CardTerms {
  const link = (url: string, fallback: string): TermLink => ({ name: nameOf(url, fallback), url });
  return {
    companies: article.companies.map((company) =>
      link(mentionUrl("company", company), company.name),
    ),
    models: article.models.map((model) => link(mentionUrl("model", model), model.name)),
    partners: article.partners.map((partner) => ({
      ...link(mentionUrl("partner", partner), partner.name),
      status: partner.status,
      statusLabel: PARTNER_STATUS_LABELS[partner.status],
    })),
  };
}

/**
 * `ArticleView.key` of the view `articleView` makes with the same arguments, without the
 * view; `digest`, the article's `articleDigest`, when the caller has it.
 */
export function articleViewKey(
  article: Article,
  locale: string,
  nameOf: (url: string, fallback: string) => string,
  scheduled = false,
  digest?: string,
): string {
  const { companies, models, partners } = termLinks(article, nameOf);
  return viewKey(article, locale, [companies, models, partners], scheduled, digest);
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
  digest?: string,
): ArticleView {
  const { companies, models, partners } = termLinks(article, nameOf);
  return {
    key: viewKey(article, locale, [companies, models, partners], scheduled, digest),
    file: article.file,
    url: article.url,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    body: { key: article.body.key, digest: article.body.digest },
    date: dateView(article.date, locale),
    ...(article.updated ? { updated: dateView(article.updated, locale) } : {}),
    ...(article.source ? { source: article.source } : {}),
    companies,
    models,
    partners,
    draft: article.draft,
    scheduled,
    readingMinutes: Math.max(1, Math.round(article.body.wordCount / WORDS_PER_MINUTE)),
    ...(article.image ? { image: leadImageView(article.image) } : {}),
  };
}
