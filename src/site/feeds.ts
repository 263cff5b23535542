import { onceEach } from "../cached.ts";
import type { Article } from "../markdown/article.ts";
import type { BodyHtml, BodyRef } from "../markdown/body.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { absoluteUrl, atomFeedUrl, homeUrl, jsonFeedUrl } from "../urls.ts";
import { absolutizeHtml } from "./absolute-html.ts";
import { lastModified, newestModified, timestamp } from "./article-dates.ts";
import type { Term, TermIndex } from "./views.ts";

/** Entries of the site's feed: enough for any reader's catch-up, small enough to fetch often. */
export const FEED_SIZE = 50;

/**
 * Entries of a company's, model's or partner's feed. A site has hundreds of these, each
 * fetched by few readers: they carry summaries, not full texts, and their ten newest
 * articles, so that the published site stays small (at 10,000 articles full-text term feeds
 * were a quarter of it; at 100,000 articles and 2,700 terms, twenty entries a feed were
 * about 65 MB).
 */
export const TERM_FEED_SIZE = 10;

/** What a feed's entries carry. */
interface FeedShape {
  entries: number;
  /** Full article texts, or summaries only. */
  fullText: boolean;
}

const SITE_FEED: FeedShape = { entries: FEED_SIZE, fullText: true };
const TERM_FEED: FeedShape = { entries: TERM_FEED_SIZE, fullText: false };

export const ATOM_TYPE = "application/atom+xml";
export const JSON_FEED_TYPE = "application/feed+json";

export interface FeedEntry {
  /** The article's absolute URL: stable across rebuilds, so readers never see it twice. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Where the body is kept: only in the site's feed, which carries full texts. */
  body?: BodyRef;
  /**
   * The body with absolute links, for readers showing it away from the site: read in by
   * `feedWithBodies` when the feed is written.
   */
  html?: string;
  published: string;
  updated: string;
  categories: string[];
}

/** JSON Feed 1.1 as written to `feed.json`: https://www.jsonfeed.org/version/1.1/ */
export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: Array<{ name: string; url: string }>;
  items: Array<{
    id: string;
    url: string;
    title: string;
    /** One of the two is present: the full text, or (in term feeds) the summary. */
    content_html?: string;
    content_text?: string;
    summary?: string;
    date_published: string;
    date_modified: string;
    tags: string[];
  }>;
}

/** One page's pair of feeds: the Atom template and the JSON template each paginate over these. */
export interface Feed {
  /** Site-relative, for permalinks. */
  atomUrl: string;
  jsonUrl: string;
  title: string;
  subtitle: string;
  /** Absolute URLs. */
  id: string;
  pageUrl: string;
  atomSelfUrl: string;
  updated: string;
  author: { name: string; url: string };
  entries: FeedEntry[];
  /** The JSON Feed, made by `feedWithBodies` when the feed is written. */
  json?: JsonFeed;
}

/** How a page announces its feeds in `<link rel="alternate">` and its Subscribe link. */
export interface FeedLink {
  title: string;
  /** The format's name for a visible link: `Atom feed`, `JSON Feed`. */
  label: string;
  url: string;
  type: typeof ATOM_TYPE | typeof JSON_FEED_TYPE;
}

/** The first instant of the epoch: the `updated` of a feed with no entry yet. */
const NEVER = "1970-01-01T00:00:00Z";

/**
 * Text XML 1.0 cannot carry at all, even escaped: C0 controls other than tab and line
 * breaks, lone surrogates and U+FFFE/U+FFFF. YAML's escapes can put them in a title.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHARACTER, "");
}

function entryOf(
  article: Article,
  settings: SiteSettings,
  categories: string[],
  fullText: boolean,
): FeedEntry {
  const url = absoluteUrl(settings.baseUrl, article.url);
  return {
    id: url,
    url,
    title: xmlSafe(article.title),
    summary: xmlSafe(article.summary),
    ...(fullText ? { body: { key: article.body.key, digest: article.body.digest } } : {}),
    published: timestamp(article.date, settings.timeZone),
    updated: timestamp(lastModified(article), settings.timeZone),
    categories,
  };
}

function jsonFeedOf(feed: Feed, settings: SiteSettings): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: absoluteUrl(settings.baseUrl, feed.jsonUrl),
    description: feed.subtitle,
    language: settings.language,
    authors: [feed.author],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      ...(entry.html === undefined
        ? { content_text: entry.summary }
        : { content_html: entry.html, summary: entry.summary }),
      date_published: entry.published,
      date_modified: entry.updated,
      tags: entry.categories,
    })),
  };
}

/** Names of the companies, models and partners an article is filed under, for categories. */
export type CategoriesOf = (article: Article) => string[];

function feedFor(
  pageUrl: string,
  title: string,
  subtitle: string,
  articles: readonly Article[],
  settings: SiteSettings,
  entryFor: (article: Article) => FeedEntry,
  shape: FeedShape,
): Feed {
  const latest = articles.slice(0, shape.entries);
  const newest = newestModified(latest);
  const atomUrl = atomFeedUrl(pageUrl);
  const atomSelfUrl = absoluteUrl(settings.baseUrl, atomUrl);
  return {
    atomUrl,
    jsonUrl: jsonFeedUrl(pageUrl),
    title: xmlSafe(title),
    subtitle: xmlSafe(subtitle),
    id: atomSelfUrl,
    pageUrl: absoluteUrl(settings.baseUrl, pageUrl),
    atomSelfUrl,
    updated: newest ? timestamp(newest, settings.timeZone) : NEVER,
    author: { name: xmlSafe(settings.title), url: absoluteUrl(settings.baseUrl, homeUrl) },
    entries: latest.map(entryFor),
  };
}

/**
 * The feed as it is written: full texts read in, with absolute links, and its JSON Feed made.
 * Done only for the feeds a build writes, when it writes them.
 */
export function feedWithBodies(feed: Feed, settings: SiteSettings, bodyHtml: BodyHtml): Feed {
  const entries = feed.entries.map((entry) =>
    entry.body
      ? { ...entry, html: xmlSafe(absolutizeHtml(bodyHtml(entry.body), entry.url)) }
      : entry,
  );
  const written = { ...feed, entries };
  return { ...written, json: jsonFeedOf(written, settings) };
}

const KIND_NOUN: Record<Term["kind"], string> = {
  company: "the company",
  model: "the model",
  partner: "the partner",
};

/**
 * The site's feed (full texts) and one per company, model and partner (summaries), from
 * articles already newest first. `articles` and `index` hold only public articles: drafts never reach a feed.
 */
export function buildFeeds(
  settings: SiteSettings,
  articles: readonly Article[],
  index: TermIndex,
  categoriesOf: CategoriesOf,
): Feed[] {
  const entryWith = (shape: FeedShape) => (article: Article) =>
    entryOf(article, settings, categoriesOf(article), shape.fullText);
  const site = feedFor(
    homeUrl,
    settings.title,
    settings.description,
    articles,
    settings,
    entryWith(SITE_FEED),
    SITE_FEED,
  );
  // An article is in the feed of each of its terms, with the same summary entry: it is
  // made once and shared, as feeds are only read.
  const termEntryOf = onceEach(entryWith(TERM_FEED));
  const terms = [...index.companies, ...index.models, ...index.partners].map((term) =>
    feedFor(
      term.url,
      `${term.name} | ${settings.title}`,
      `News about ${KIND_NOUN[term.kind]} ${term.name}.`,
      term.articles,
      settings,
      termEntryOf,
      TERM_FEED,
    ),
  );
  return [site, ...terms];
}

/** The `<link rel="alternate">` pair of a feed. */
export function feedLinks(feed: Pick<Feed, "title" | "atomUrl" | "jsonUrl">): FeedLink[] {
  return [
    { title: `${feed.title} (Atom)`, label: "Atom feed", url: feed.atomUrl, type: ATOM_TYPE },
    {
      title: `${feed.title} (JSON Feed)`,
      label: "JSON Feed",
      url: feed.jsonUrl,
      type: JSON_FEED_TYPE,
    },
  ];
}
