import { createHash } from "node:crypto";
import { isPublic, isScheduled } from "../content/publication.ts";
import type { Article } from "../markdown/article.ts";
import { Registry } from "../registry/registry.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { buildTermIndex } from "../taxonomy/build-term-index.ts";
import { termNames } from "../taxonomy/term.ts";
import {
  buildTermRelations,
  type Relation,
  type TermRelations,
} from "../taxonomy/term-relations.ts";
import { directoryUrl, homeUrl, type TermKind } from "../urls.ts";
import { articleView, entryUnder } from "./article-view.ts";
import { termBreadcrumbs } from "./breadcrumbs.ts";
import { type DirectoryPage, directoryOrders } from "./directories.ts";
import type {
  ArticlePageView,
  ListPage,
  News,
  SiteDataContext,
  TermAbout,
  TermFacts,
  TermView,
} from "./news.ts";
import { pageTitle, paginate } from "./paginate.ts";
import { publishedUrls } from "./published-urls.ts";
import { type ArticleExtras, buildPublishing } from "./publishing-data.ts";
import { redirectsFor } from "./redirects.ts";
import { relationshipGraph } from "./relationship-graph.ts";
import { renditionJobs } from "./renditions.ts";
import type { ArticleView, Term, TermIndex, TermSummary } from "./views.ts";

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
): Pick<TermAbout, "counterpart"> {
  const otherKind =
    term.kind === "company" ? "partner" : term.kind === "partner" ? "company" : undefined;
  const other = otherKind && terms.get(`${otherKind}/${term.slug}`);
  if (!other) return {};
  return {
    counterpart: { name: other.name, url: other.url, kindLabel: KIND_LABELS[other.kind].one },
  };
}

/**
 * An article page's data: its view and what the page shows around it. Its key is the view's,
 * its related articles' and its source page's: its breadcrumbs and corrections are made from
 * the view's article, and its head metadata from the same with the site's settings.
 */
export function articlePage(view: ArticleView, extras: ArticleExtras): ArticlePageView {
  const key = createHash("sha1")
    .update(JSON.stringify([view.key, extras.related.map((entry) => entry.article.key)]))
    .update(extras.sourcePage ?? "")
    .digest("base64url");
  return { ...view, ...extras, key };
}

/** Builds the one object templates see from validated articles and their term index. */
export function buildSiteData(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
  // Without a context: no registry entries, and no article is dated after the build.
  context: SiteDataContext = { registry: Registry.empty(), today: "9999-12-31" },
): News {
  const names = termNames(index);
  const views = new Map<Article, ArticleView>(
    articles.map((article) => [
      article,
      articleView(
        article,
        settings.language,
        (url, fallback) => names.get(url) ?? fallback,
        isScheduled(article, context.today),
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
      const heading: TermView = {
        ...summary(term),
        kind: term.kind,
        kindLabel: labels.one,
        directory: { name: labels.many, url: directoryUrl(term.kind) },
        crumbs: termBreadcrumbs(term, labels.many),
        ...(term.company ? { company: { name: term.company.name, url: term.company.url } } : {}),
      };
      const about: TermAbout = {
        facts: factsOf(term, context.registry),
        ...counterpartOf(term, counterparts),
        models: term.models.map(summary),
        relations: (relations.get(term) ?? []).map(relationSummary),
      };
      const graph = term.kind === "company" ? relationshipGraph(term, relations) : undefined;
      if (graph) about.graph = graph;
      const firstPage: TermView = { ...heading, about };
      return paginate(term.articles, settings.pageSize, term.url).map((page) => ({
        url: page.url,
        title: pageTitle(term.name, page.pager.pageNumber, settings.title),
        heading: term.name,
        term: page.pager.pageNumber === 1 ? firstPage : heading,
        pager: page.pager,
        entries: page.items.map((article) => entryUnder(viewOf(article), term.url)),
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

  const publicArticles = articles.filter((article) => isPublic(article, context.today));
  const { publishing, extrasOf } = buildPublishing({
    settings,
    publicArticles,
    publicIndex: publicArticles.length === articles.length ? index : buildTermIndex(publicArticles),
    viewOf,
    directoryName: (kind) => KIND_LABELS[kind].many,
  });

  const pages: News = {
    ...publishing,
    site: settings,
    articles: articles.map((article) => articlePage(viewOf(article), extrasOf(article))),
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
  };
  // A former name can only redirect from an address no current page has, directories included.
  return { ...pages, redirects: redirectsFor(index, context.registry, publishedUrls(pages)) };
}
