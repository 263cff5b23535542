import type { Article, TermMention } from "../content/article.ts";
import { type TermKind, termUrl } from "../urls.ts";

/** A company, model or partner page's subject, with every article that names it. */
export interface Term {
  kind: TermKind;
  /** Unique within its kind; for models `<company-slug>-<model-slug>`. */
  slug: string;
  /** The slug of the name alone: for models without the company's, as the registry keys it. */
  nameSlug: string;
  /** The most frequent spelling among its articles. */
  name: string;
  url: string;
  /** Newest first. */
  articles: Article[];
  /** For a model: its company. */
  company?: Term;
  /** For a company: its models, by name. */
  models: Term[];
}

export interface TermIndex {
  companies: Term[];
  models: Term[];
  partners: Term[];
}

/** Collects one term's spellings as they come, to name it by the most frequent one. */
class TermBuilder {
  readonly articles: Article[] = [];
  private readonly spellings = new Map<string, number>();

  constructor(
    readonly kind: TermKind,
    readonly slug: string,
    readonly nameSlug: string,
  ) {}

  add(article: Article, mention: TermMention): void {
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

  toTerm(): Term {
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

function byName(a: Term, b: Term): number {
  return (
    a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.slug.localeCompare(b.slug)
  );
}

/** Model slugs carry their company's, so Geely Atlas and Volkswagen Atlas get two pages. */
export function modelSlug(companySlug: string, ownSlug: string): string {
  return `${companySlug}-${ownSlug}`;
}

/**
 * Builds the company, model and partner indexes in one pass over the articles, which must
 * already be newest first: each term's article list then is too.
 */
export function buildTermIndex(articles: readonly Article[]): TermIndex {
  const builders: Record<TermKind, Map<string, TermBuilder>> = {
    company: new Map(),
    model: new Map(),
    partner: new Map(),
  };
  const modelCompany = new Map<string, string>();
  const collect = (kind: TermKind, slug: string, article: Article, mention: TermMention) => {
    let builder = builders[kind].get(slug);
    if (!builder) {
      builder = new TermBuilder(kind, slug, mention.slug);
      builders[kind].set(slug, builder);
    }
    builder.add(article, mention);
  };

  for (const article of articles) {
    for (const company of article.companies) collect("company", company.slug, article, company);
    for (const model of article.models) {
      const slug = modelSlug(model.company.slug, model.slug);
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
