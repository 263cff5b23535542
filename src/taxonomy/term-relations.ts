import { compareNames, type Term, type TermIndex } from "./term.ts";

/** A term named together with another one, and in how many articles. */
export interface Relation {
  term: Term;
  count: number;
}

/** For each company its partners, for each partner its companies: most articles together first. */
export type TermRelations = ReadonlyMap<Term, readonly Relation[]>;

function byCountThenName(a: Relation, b: Relation): number {
  return (
    b.count - a.count ||
    compareNames(a.term.name, b.term.name) ||
    a.term.slug.localeCompare(b.term.slug)
  );
}

/**
 * Counts, in one pass over each company's articles, the articles that name a company and a
 * partner together. The work grows with articles × companies × partners per article.
 */
export function buildTermRelations(index: TermIndex): TermRelations {
  const partnerBySlug = new Map(index.partners.map((partner) => [partner.slug, partner]));
  const counts = new Map<Term, Map<Term, number>>();
  const add = (from: Term, to: Term) => {
    let row = counts.get(from);
    if (!row) {
      row = new Map();
      counts.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + 1);
  };
  for (const company of index.companies) {
    for (const article of company.articles) {
      for (const mention of article.partners) {
        const partner = partnerBySlug.get(mention.slug);
        if (!partner) continue;
        add(company, partner);
        add(partner, company);
      }
    }
  }
  const relations = new Map<Term, Relation[]>();
  for (const [term, row] of counts) {
    relations.set(
      term,
      [...row].map(([other, count]) => ({ term: other, count })).sort(byCountThenName),
    );
  }
  return relations;
}
