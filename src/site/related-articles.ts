import { compareNewestFirst } from "../content/article.ts";
import type { Article } from "../markdown/article.ts";
import { mentionSlug } from "../taxonomy/term.ts";
import type { TermIndex } from "./views.ts";

/** Related articles shown under an article. */
export const RELATED_LIMIT = 5;

/** Each term's articles, newest first, by `kind/slug`. */
export type ArticlesByTerm = ReadonlyMap<string, readonly Article[]>;

export function articlesByTerm(index: TermIndex): ArticlesByTerm {
  return new Map(
    [...index.companies, ...index.models, ...index.partners].map((term) => [
      `${term.kind}/${term.slug}`,
      term.articles,
    ]),
  );
}

/** The article's terms in ranking order: a shared model counts most, then company, then partner. */
function termTiers(article: Article): string[][] {
  return [
    article.models.map((model) => `model/${mentionSlug("model", model)}`),
    article.companies.map((company) => `company/${company.slug}`),
    article.partners.map((partner) => `partner/${partner.slug}`),
  ];
}

/**
 * Up to `limit` articles related to `article`: first those sharing a model, then a company,
 * then a partner; newest first within each tier; never the article itself.
 *
 * Term lists are newest first, so the newest `n` articles of a tier are all among the first
 * `n` of each of its lists: only those prefixes are read (at most `limit` plus the articles
 * already taken plus the article itself). The work per article is bounded by the number of
 * its terms, not by the size of the site.
 */
export function relatedArticles(
  article: Article,
  byTerm: ArticlesByTerm,
  limit = RELATED_LIMIT,
): Article[] {
  const chosen: Article[] = [];
  const taken = new Set<Article>([article]);
  for (const tier of termTiers(article)) {
    const wanted = limit - chosen.length;
    if (wanted <= 0) break;
    const candidates = new Set<Article>();
    for (const key of tier) {
      for (const other of (byTerm.get(key) ?? []).slice(0, wanted + taken.size)) {
        if (!taken.has(other)) candidates.add(other);
      }
    }
    for (const other of [...candidates].sort(compareNewestFirst).slice(0, wanted)) {
      chosen.push(other);
      taken.add(other);
    }
  }
  return chosen;
}
