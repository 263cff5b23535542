import { createHash } from "node:crypto";
import { onceEach } from "../cached.ts";
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
import { articleView, articleViewKey, entryUnder } from "./article-view.ts";
import { articleBreadcrumbs, termBreadcrumbs } from "./breadcrumbs.ts";
import { correctionViews } from "./corrections.ts";
import { type DirectoryPage, directoryOrders } from "./directories.ts";
import type {
  ArticlePageView,
  ArticlePlan,
  ListPage,
  News,
  SiteDataContext,
  SitePlan,
  SiteToWrite,
  TermAbout,
  TermFacts,
  TermView,
} from "./news.ts";
import { collectionMeta } from "./page-meta.ts";
import { pageTitle, paginate } from "./paginate.ts";
import { publishedUrls } from "./published-urls.ts";
import { type ArticleExtras, buildPublishing } from "./publishing-data.ts";
import { redirectsFor } from "./redirects.ts";
import { relationshipGraph } from "./relationship-graph.ts";
import { renditionJobs } from "./renditions.ts";
import type {
  ArticleView,
  ListEntry,
  PlannedEntry,
  Term,
  TermIndex,
  TermSummary,
} from "./views.ts";

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
 * An article page's key: its view's, its related articles' and its source page's. Its
 * breadcrumbs and corrections are made from the view's article, and its head metadata from
 * the same with the site's settings.
 */
function articlePageKey(
  viewKey: string,
  relatedKeys: readonly string[],
  sourcePage: string | undefined,
): string {
  return createHash("sha1")
    .update(JSON.stringify([viewKey, relatedKeys]))
    .update(sourcePage ?? "")
    .digest("base64url");
}

/** An article page's data: its view and what the page shows around it, keyed (`articlePageKey`). */
export function articlePage(view: ArticleView, extras: ArticleExtras): ArticlePageView {
  const key = articlePageKey(
    view.key,
    extras.related.map((entry) => entry.article.key),
    extras.sourcePage,
  );
  return { ...view, ...extras, key };
}

/**
 * Plans every page of the site from validated articles and their term index: each list page
 * names its articles by key (`PlannedEntry`), each article page its related articles, each
 * term page's head metadata the articles it lists. What the pages show of an article is made
 * (`SiteToWrite.make`) only for the pages a build writes; the rest of the site's data, which
 * the single pages read, is made here.
 */
export function planSite(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
  // Without a context: no registry entries, and no article is dated after the build.
  context: SiteDataContext = { registry: Registry.empty(), today: "9999-12-31" },
): SiteToWrite<SitePlan> {
  const names = termNames(index);
  const nameOf = (url: string, fallback: string) => names.get(url) ?? fallback;
  // What a view, and its key alone, are made from.
  const viewInputs = (article: Article) =>
    [
      article,
      settings.language,
      nameOf,
      isScheduled(article, context.today),
      context.digestOf?.(article),
    ] as const;
  const viewOf = onceEach((article: Article) => articleView(...viewInputs(article)));
  const viewKeyOf = onceEach((article: Article) => articleViewKey(...viewInputs(article)));
  const entryOf = (article: Article, under?: string): PlannedEntry =>
    under === undefined
      ? { key: viewKeyOf(article), article }
      : { key: `${viewKeyOf(article)} ${under}`, article, under };

  const homePages: ListPage<PlannedEntry>[] = paginate(articles, settings.pageSize, homeUrl).map(
    (page) => ({
      url: page.url,
      title:
        page.pager.pageNumber > 1
          ? pageTitle("Latest news", page.pager.pageNumber, settings.title)
          : settings.title,
      heading: "Latest news",
      entries: page.items.map((article) => entryOf(article)),
      pager: page.pager,
    }),
  );
  const counterparts = new Map<string, Term>(
    [...index.companies, ...index.partners].map((term) => [`${term.kind}/${term.slug}`, term]),
  );
  const relations: TermRelations = buildTermRelations(index);
  const termPages = (terms: readonly Term[]): ListPage<PlannedEntry>[] =>
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
        entries: page.items.map((article) => entryOf(article, term.url)),
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
    entryOf,
    viewOf,
    directoryName: (kind) => KIND_LABELS[kind].many,
  });

  const articlePlan = (article: Article): ArticlePlan => {
    const { related, sourcePage } = extrasOf(article);
    return {
      key: articlePageKey(
        viewKeyOf(article),
        related.map((entry) => entry.key),
        sourcePage,
      ),
      url: article.url,
      file: article.file,
      article,
      related,
      ...(sourcePage ? { sourcePage } : {}),
    };
  };
  const pages: SitePlan = {
    ...publishing,
    site: settings,
    articles: articles.map(articlePlan),
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
  const plan = { ...pages, redirects: redirectsFor(index, context.registry, publishedUrls(pages)) };

  const entry = ({ article, under }: PlannedEntry): ListEntry =>
    under === undefined ? { article: viewOf(article) } : entryUnder(viewOf(article), under);
  const listPage = (page: ListPage<PlannedEntry>): ListPage => ({
    ...page,
    entries: page.entries.map(entry),
  });
  return {
    plan,
    make(narrowed) {
      const pageMeta: News["pageMeta"] = {};
      for (const [url, meta] of Object.entries(narrowed.pageMeta)) {
        pageMeta[url] = collectionMeta(
          meta.page,
          meta.articles.map((planned) => planned.article),
          meta.crumbs,
          meta.feeds,
          settings,
        );
      }
      return {
        ...narrowed,
        articles: narrowed.articles.map(({ article, related, sourcePage }) => {
          const view = viewOf(article);
          return articlePage(view, {
            crumbs: articleBreadcrumbs(view),
            related: related.map(entry),
            corrections: correctionViews(article, settings.language),
            ...(sourcePage ? { sourcePage } : {}),
          });
        }),
        homePages: narrowed.homePages.map(listPage),
        termPages: narrowed.termPages.map(listPage),
        pageMeta,
        digests: {
          ...narrowed.digests,
          pages: narrowed.digests.pages.map((page) => ({
            ...page,
            groups: page.groups.map((group) => ({ ...group, entries: group.entries.map(entry) })),
          })),
        },
        archives: {
          ...narrowed.archives,
          pages: narrowed.archives.pages.map((page) => ({
            ...page,
            entries: page.entries.map(entry),
          })),
        },
        sourcePages: narrowed.sourcePages.map((page) => ({
          ...page,
          entries: page.entries.map(entry),
        })),
      };
    },
  };
}

/** Data already made, as a preview holds it, to write as a build writes a plan. */
export function siteMade(news: News): SiteToWrite<News> {
  return { plan: news, make: (narrowed) => narrowed };
}

/** The one object templates see, every page of it made: for previews, checks and tests. */
export function buildSiteData(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
  context?: SiteDataContext,
): News {
  const site = planSite(settings, articles, index, context);
  return site.make(site.plan);
}
