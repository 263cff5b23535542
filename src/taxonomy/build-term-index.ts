import type { Mentions, TermMention } from "../content/article.ts";
import { type TermKind, termUrl } from "../urls.ts";
import { compareNames, mentionSlug, type Term, type TermIndex } from "./term.ts";

/** Collects one term's spellings as they come, to name it by the most frequent one. */
class TermBuilder<A extends Mentions> {
  readonly articles: A[] = [];
  private readonly spellings = new Map<string, number>();

  constructor(
    readonly kind: TermKind,
    readonly slug: string,
    readonly nameSlug: string,
  ) {}

  add(article: A, mention: TermMention): void {
    if (this.articles.at(-1) !== article) this.articles.push(article);
    this.spellings.set(mention.name, (this.spellings.get(mention.name) ?? 0) + 1);
  }

  /** Most frequent spelling; on a tie, the one used by the newest article (seen first). */
  get name(): string {
    let best = "";
    let bestCount = 0;
    for (const [spelling, count] of this.spellings) {
      if (count > bestCount) {
        best = spelling;
        bestCount = count;
      }
    }
    return best;
  }

  toTerm(): Term<A> {
    return {
      kind: this.kind,
      slug: this.slug,
      nameSlug: this.nameSlug,
      name: this.name,
      url: termUrl(this.kind, this.slug),
      articles: this.articles,
      models: [],
    };
  }
}

function byName<A extends Mentions>(a: Term<A>, b: Term<A>): number {
  return compareNames(a.name, b.name) || a.slug.localeCompare(b.slug);
}

/**
 * Builds the company, model and partner indexes in one pass over the articles, which must
 * already be newest first: each term's article list then is too.
 */
export function buildTermIndex<A extends Mentions>(articles: readonly A[]): TermIndex<A> {
  const builders: Record<TermKind, Map<string, TermBuilder<A>>> = {
    company: new Map(),
    model: new Map(),
    partner: new Map(),
  };
  const modelCompany = new Map<string, string>();
  const collect = (kind: TermKind, slug: string, article: A, mention: TermMention) => {
    let builder = builders[kind].get(slug);
    if (!builder) {
      builder = new TermBuilder<A>(kind, slug, mention.slug);
      builders[kind].set(slug, builder);
    }
    builder.add(article, mention);
  };

  for (const article of articles) {
    for (const company of article.companies) collect("company", company.slug, article, company);
    for (const model of article.models) {
      const slug = mentionSlug("model", model);
      modelCompany.set(slug, model.company.slug);
      collect("model", slug, article, model);
    }
    for (const partner of article.partners) collect("partner", partner.slug, article, partner);
  }

  const finish = (kind: TermKind) =>
    [...builders[kind].values()].map((builder) => builder.toTerm()).sort(byName);
  const companies = finish("company");
  const models = finish("model");
  const companyBySlug = new Map(companies.map((company) => [company.slug, company]));
  for (const model of models) {
    const company = companyBySlug.get(modelCompany.get(model.slug) ?? "");
    if (!company) continue;
    model.company = company;
    company.models.push(model);
  }
  return { companies, models, partners: finish("partner") };
}
