import type { Article } from "../content/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import type { Term, TermIndex } from "../taxonomy/build-term-index.ts";
import { directoryUrl, homeUrl, type TermKind } from "../urls.ts";
import {
  type ArticleView,
  articleView,
  PARTNER_STATUS_LABELS,
  type TermLink,
} from "./article-view.ts";
import { type Pager, paginate } from "./paginate.ts";

export interface TermSummary extends TermLink {
  count: number;
}

export interface ListEntry {
  article: ArticleView;
  /** On a partner's page: how this article describes the partnership. */
  partnerStatus?: { status: string; label: string };
}

export interface TermView extends TermSummary {
  kind: TermKind;
  kindLabel: string;
  directory: TermLink;
  /** For a model. */
  company?: TermLink;
  /** For a company, with their article counts. */
  models: TermSummary[];
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

export interface DirectoryPage {
  url: string;
  kind: TermKind;
  title: string;
  groups: Array<{ heading?: TermLink; terms: TermSummary[] }>;
}

/** Everything templates see, computed once: they paginate over these lists and only present. */
export interface News {
  site: SiteSettings;
  articles: ArticleView[];
  homePages: ListPage[];
  termPages: ListPage[];
  directoryPages: DirectoryPage[];
  navigation: TermLink[];
}

const KIND_LABELS: Record<TermKind, { one: string; many: string }> = {
  company: { one: "Company", many: "Companies" },
  model: { one: "Model", many: "Models" },
  partner: { one: "Partner", many: "Partners" },
};

function summary(term: Term): TermSummary {
  return { name: term.name, url: term.url, count: term.articles.length };
}

function pageTitle(heading: string, pageNumber: number, siteTitle: string): string {
  const page = pageNumber > 1 ? ` — page ${pageNumber}` : "";
  return `${heading}${page} | ${siteTitle}`;
}

/** Builds the one object templates see from validated articles and their term index. */
export function buildSiteData(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
): News {
  const termNames = new Map<string, string>();
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    termNames.set(term.url, term.name);
  }
  const views = new Map<Article, ArticleView>(
    articles.map((article) => [
      article,
      articleView(article, settings.language, (url, fallback) => termNames.get(url) ?? fallback),
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

  const termPages = (terms: readonly Term[]): ListPage[] =>
    terms.flatMap((term) => {
      const labels = KIND_LABELS[term.kind];
      const view: TermView = {
        ...summary(term),
        kind: term.kind,
        kindLabel: labels.one,
        directory: { name: labels.many, url: directoryUrl(term.kind) },
        ...(term.company ? { company: { name: term.company.name, url: term.company.url } } : {}),
        models: term.models.map(summary),
      };
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
    {
      url: directoryUrl("company"),
      kind: "company",
      title: KIND_LABELS.company.many,
      groups: [{ terms: index.companies.map(summary) }],
    },
    {
      url: directoryUrl("model"),
      kind: "model",
      title: KIND_LABELS.model.many,
      groups: index.companies
        .filter((company) => company.models.length > 0)
        .map((company) => ({
          heading: { name: company.name, url: company.url },
          terms: company.models.map(summary),
        })),
    },
    {
      url: directoryUrl("partner"),
      kind: "partner",
      title: KIND_LABELS.partner.many,
      groups: [{ terms: index.partners.map(summary) }],
    },
  ];

  return {
    site: settings,
    articles: articles.map(viewOf),
    homePages,
    termPages: [
      ...termPages(index.companies),
      ...termPages(index.models),
      ...termPages(index.partners),
    ],
    directoryPages,
    navigation: directoryPages.map((page) => ({ name: page.title, url: page.url })),
  };
}
