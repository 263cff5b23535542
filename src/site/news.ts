import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article } from "../markdown/article.ts";
import type { BodyHtml } from "../markdown/body.ts";
import type { Registry } from "../registry/registry.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import type { TermKind } from "../urls.ts";
import type { Breadcrumbs } from "./breadcrumbs.ts";
import type { DirectoryPage } from "./directories.ts";
import type { CollectionMetaPlan, PageMeta } from "./page-meta.ts";
import type { Pager } from "./paginate.ts";
import type { ArticleExtras, Publishing } from "./publishing-data.ts";
import type { Redirect } from "./redirects.ts";
import type { RelationshipGraph } from "./relationship-graph.ts";
import type { RenditionJob } from "./renditions.ts";
import type { ArticleView, ListEntry, PlannedEntry, TermLink, TermSummary } from "./views.ts";

/** What the registry says about a term, for its page. */
export interface TermFacts {
  description?: string;
  country?: string;
  website?: string;
  body?: string;
}

export interface TermView extends TermSummary {
  kind: TermKind;
  kindLabel: string;
  directory: TermLink;
  /** Home › directory › (company) › the term. */
  crumbs: Breadcrumbs;
  /** For a model. */
  company?: TermLink;
  /**
   * What the registry and the other terms say about it: on the term's first page only. Its
   * later pages show the term's name, kind and count, a link back to the first page and the
   * list, so that a term with hundreds of pages does not repeat its chips and graph on each.
   */
  about?: TermAbout;
}

/** The first page of a term's list: its facts, models, relations and graph. */
export interface TermAbout {
  facts: TermFacts;
  /** A partner that is also a company, or a company that is also a partner: the other page. */
  counterpart?: TermLink & { kindLabel: string };
  /** For a company, with their article counts. */
  models: TermSummary[];
  /** For a company: its partners; for a partner: its companies; counted in articles together. */
  relations: TermSummary[];
  /** For a company with partners: the picture of its partners and theirs. */
  graph?: RelationshipGraph;
}

/** One page of a list of articles: the home page or a company, model or partner page. */
export interface ListPage<Entry = ListEntry> {
  url: string;
  /** For `<title>`: includes the page number after page 1. */
  title: string;
  heading: string;
  entries: Entry[];
  pager: Pager;
  term?: TermView;
}

/** An article page's data: the article and what the page shows around it. */
export type ArticlePageView = ArticleView & ArticleExtras;

/** An article page as planned: its article, related articles and source page, by key. */
export interface ArticlePlan {
  /** The page's key (`articlePageKey`): what its data and head metadata are made from. */
  key: string;
  url: string;
  file: string;
  article: Article;
  related: PlannedEntry[];
  sourcePage?: string;
}

/**
 * What the lists of the site's data hold (`SiteModel`): what templates see, or the plan of
 * it. Each form names its cards, its article pages and the head metadata of its term pages.
 */
export interface SiteForms {
  entry: object;
  articlePage: { key: string; url: string; file: string };
  listMeta: object;
}

/** What templates see. */
export interface Made extends SiteForms {
  entry: ListEntry;
  articlePage: ArticlePageView;
  listMeta: PageMeta;
}

/** What a build plans before it knows which pages it writes. */
export interface Planned extends SiteForms {
  entry: PlannedEntry;
  articlePage: ArticlePlan;
  listMeta: CollectionMetaPlan;
}

/**
 * The site's data: every page's, in one of two forms. Planned, every list page names its
 * articles by key; made, it holds what templates show. A build plans every page, keys them,
 * and makes only the pages it writes.
 */
export interface SiteModel<Forms extends SiteForms>
  extends Publishing<Forms["entry"], Forms["listMeta"]> {
  site: SiteSettings;
  articles: Forms["articlePage"][];
  homePages: ListPage<Forms["entry"]>[];
  termPages: ListPage<Forms["entry"]>[];
  directoryPages: DirectoryPage[];
  redirects: Redirect[];
  navigation: TermLink[];
  /** The lead pictures these pages show, for the build to encode; templates never read it. */
  imageJobs: RenditionJob[];
}

/** Everything templates see, computed once: they paginate over these lists and only present. */
export type News = SiteModel<Made>;

/** Every page of the site, planned. */
export type SitePlan = SiteModel<Planned>;

/** Either form, for what reads only what both have: addresses, files, terms. */
export type AnySiteModel = SiteModel<SiteForms>;

/** The site's data as a build writes it: planned, and made for the pages it writes. */
export interface SiteToWrite<Model extends AnySiteModel = AnySiteModel> {
  plan: Model;
  /** What templates see of the pages of `plan`, or of a plan narrowed to some of its pages. */
  make(plan: Model): News;
}

/**
 * What the pages a build writes are completed with as they are written, and only then: a
 * build holds them for the pages it writes, not for every article (`withPageParts`).
 */
export interface PageParts {
  /** Reads a rendered body's HTML. */
  bodyHtml: BodyHtml;
  /** An article page's head metadata. */
  articleMeta: (page: ArticlePageView) => PageMeta;
}

/** What loading content yields: the site's model when nothing is wrong, and every message. */
export interface LoadedSite {
  /** Present only when there is no error. */
  news?: News;
  /** What the pages written are completed with (`withPageParts`); with `news`. */
  parts?: PageParts;
  diagnostics: Diagnostic[];
}

export interface SiteDataContext {
  registry: Registry;
  /** The day of the build in the site's zone: what is scheduled, and what is public. */
  today: string;
  /** An article's `articleDigest`, when its load has it: computed otherwise. */
  digestOf?: (article: Article) => string | undefined;
}
