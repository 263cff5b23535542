import type { Article } from "../content/article.ts";
import { type RenditionJob, renditionJobs } from "../images/renditions.ts";
import {
  type ArticleExtras,
  buildPublishing,
  type Publishing,
} from "../publishing/publishing-data.ts";
import { Registry } from "../registry/registry.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import type { Term, TermIndex } from "../taxonomy/build-term-index.ts";
import { buildTermIndex } from "../taxonomy/build-term-index.ts";
import { directoryUrl, homeUrl, type TermKind } from "../urls.ts";
import {
  type ArticleView,
  articleView,
  PARTNER_STATUS_LABELS,
  type TermLink,
} from "./article-view.ts";
import { type DirectoryPage, directoryOrders } from "./directories.ts";
import { type Pager, paginate } from "./paginate.ts";
import { publishedUrls } from "./published-urls.ts";
import { type Redirect, redirectsFor } from "./redirects.ts";
import { type RelationshipGraph, relationshipGraph } from "./relationship-graph.ts";
import { buildTermRelations, type Relation, type TermRelations } from "./term-relations.ts";
import { termSpellings } from "./term-spellings.ts";

export interface TermSummary extends TermLink {
  count: number;
}

export interface ListEntry {
  article: ArticleView;
  /** On a partner's page: how this article describes the partnership. */
  partnerStatus?: { status: string; label: string };
}

/** What the registry says about a term, for its page. */
export interface TermFacts {
  description?: string;
  country?: string;
  website?: string;
  body?: string;
}

export interface TermView extends TermSummary {
  kind: TermKind;
  facts: TermFacts;
  /** A partner that is also a company, or a company that is also a partner: the other page. */
  counterpart?: TermLink & { kindLabel: string };
  kindLabel: string;
  directory: TermLink;
  /** For a model. */
  company?: TermLink;
  /** For a company, with their article counts. */
  models: TermSummary[];
  /** For a company: its partners; for a partner: its companies; counted in articles together. */
  relations: TermSummary[];
  /** For a company with partners: the picture of its partners and theirs. */
  graph?: RelationshipGraph;
}

/** One page of a list of articles: the home page or a company, model or partner page. */
export interface ListPage {
  url: string;
  /** For `<title>`: includes the page number after page 1. */
  title: string;
  heading: string;
  entries: ListEntry[];
  pager: Pager;
  term?: TermView;
}

/** An article page's data: the article and what the page shows around it. */
export type ArticlePageView = ArticleView & ArticleExtras;

/** Everything templates see, computed once: they paginate over these lists and only present. */
export interface News extends Publishing {
  site: SiteSettings;
  articles: ArticlePageView[];
  homePages: ListPage[];
  termPages: ListPage[];
  directoryPages: DirectoryPage[];
  redirects: Redirect[];
  navigation: TermLink[];
  /** The lead pictures these pages show, for the build to encode; templates never read it. */
  imageJobs: RenditionJob[];
  /** Every spelling of each term, by its page's URL, for search; templates never read it. */
  termSpellings: Record<string, string[]>;
}

export interface SiteDataContext {
  registry: Registry;
  /** Articles dated after today; present only in previews. */
  scheduled: ReadonlySet<Article>;
}

const KIND_LABELS: Record<TermKind, { one: string; many: string }> = {
  company: { one: "Company", many: "Companies" },
  model: { one: "Model", many: "Models" },
  partner: { one: "Partner", many: "Partners" },
};

function summary(term: Term): TermSummary {
  return { name: term.name, url: term.url, count: term.articles.length };
}

function relationSummary(relation: Relation): TermSummary {
  return { name: relation.term.name, url: relation.term.url, count: relation.count };
}

function pageTitle(heading: string, pageNumber: number, siteTitle: string): string {
  const page = pageNumber > 1 ? ` — page ${pageNumber}` : "";
  return `${heading}${page} | ${siteTitle}`;
}

function factsOf(term: Term, registry: Registry): TermFacts {
  const entity = registry.entityFor(term.kind, term.nameSlug, term.company?.slug);
  if (!entity) return {};
  return {
    ...(entity.description ? { description: entity.description } : {}),
    ...(entity.country ? { country: entity.country } : {}),
    ...(entity.website ? { website: entity.website } : {}),
    ...(entity.body ? { body: entity.body } : {}),
  };
}

function counterpartOf(
  term: Term,
  terms: ReadonlyMap<string, Term>,
): Pick<TermView, "counterpart"> {
  const otherKind =
    term.kind === "company" ? "partner" : term.kind === "partner" ? "company" : undefined;
  const other = otherKind && terms.get(`${otherKind}/${term.slug}`);
  if (!other) return {};
  return {
    counterpart: { name: other.name, url: other.url, kindLabel: KIND_LABELS[other.kind].one },
  };
}

/** Builds the one object templates see from validated articles and their term index. */
export function buildSiteData(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
  context: SiteDataContext = { registry: Registry.empty(), scheduled: new Set() },
): News {
  const termNames = new Map<string, string>();
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    termNames.set(term.url, term.name);
  }
  const views = new Map<Article, ArticleView>(
    articles.map((article) => [
      article,
      articleView(
        article,
        settings.language,
        (url, fallback) => termNames.get(url) ?? fallback,
        context.scheduled.has(article),
      ),
    ]),
  );
  const viewOf = (article: Article): ArticleView => {
    const view = views.get(article);
    if (!view) throw new Error(`Internal error: no view for ${article.file}`);
    return view;
  };

  const homePages: ListPage[] = paginate(articles, settings.pageSize, homeUrl).map((page) => ({
    url: page.url,
    title:
      page.pager.pageNumber > 1
        ? pageTitle("Latest news", page.pager.pageNumber, settings.title)
        : settings.title,
    heading: "Latest news",
    entries: page.items.map((article) => ({ article: viewOf(article) })),
    pager: page.pager,
  }));

  const counterparts = new Map<string, Term>(
    [...index.companies, ...index.partners].map((term) => [`${term.kind}/${term.slug}`, term]),
  );
  const relations: TermRelations = buildTermRelations(index);
  const termPages = (terms: readonly Term[]): ListPage[] =>
    terms.flatMap((term) => {
      const labels = KIND_LABELS[term.kind];
      const view: TermView = {
        ...summary(term),
        kind: term.kind,
        kindLabel: labels.one,
        facts: factsOf(term, context.registry),
        ...counterpartOf(term, counterparts),
        directory: { name: labels.many, url: directoryUrl(term.kind) },
        ...(term.company ? { company: { name: term.company.name, url: term.company.url } } : {}),
        models: term.models.map(summary),
        relations: (relations.get(term) ?? []).map(relationSummary),
      };
      const graph = term.kind === "company" ? relationshipGraph(term, relations) : undefined;
      if (graph) view.graph = graph;
      return paginate(term.articles, settings.pageSize, term.url).map((page) => ({
        url: page.url,
        title: pageTitle(term.name, page.pager.pageNumber, settings.title),
        heading: term.name,
        term: view,
        pager: page.pager,
        entries: page.items.map((article): ListEntry => {
          const partner =
            term.kind === "partner"
              ? article.partners.find((mention) => mention.slug === term.slug)
              : undefined;
          return {
            article: viewOf(article),
            ...(partner
              ? {
                  partnerStatus: {
                    status: partner.status,
                    label: PARTNER_STATUS_LABELS[partner.status],
                  },
                }
              : {}),
          };
        }),
      }));
    });

  const directoryPages: DirectoryPage[] = [
    ...directoryOrders("company", KIND_LABELS.company.many, [
      { terms: index.companies.map(summary) },
    ]),
    ...directoryOrders(
      "model",
      KIND_LABELS.model.many,
      index.companies
        .filter((company) => company.models.length > 0)
        .map((company) => ({
          heading: { name: company.name, url: company.url },
          terms: company.models.map(summary),
        })),
    ),
    ...directoryOrders("partner", KIND_LABELS.partner.many, [
      { terms: index.partners.map(summary) },
    ]),
  ];

  const publicArticles = articles.filter(
    (article) => !article.draft && !context.scheduled.has(article),
  );
  const { publishing, extrasOf } = buildPublishing({
    settings,
    articles,
    publicArticles,
    publicIndex: publicArticles.length === articles.length ? index : buildTermIndex(publicArticles),
    viewOf,
    directoryName: (kind) => KIND_LABELS[kind].many,
  });

  const pages: News = {
    ...publishing,
    site: settings,
    articles: articles.map((article) => ({ ...viewOf(article), ...extrasOf(article) })),
    homePages,
    termPages: [
      ...termPages(index.companies),
      ...termPages(index.models),
      ...termPages(index.partners),
    ],
    directoryPages,
    redirects: [],
    navigation: (["company", "model", "partner"] as const).map((kind) => ({
      name: KIND_LABELS[kind].many,
      url: directoryUrl(kind),
    })),
    imageJobs: renditionJobs(articles),
    termSpellings: termSpellings(index, context.registry),
  };
  // A former name can only redirect from an address no current page has, directories included.
  return { ...pages, redirects: redirectsFor(index, context.registry, publishedUrls(pages)) };
}
