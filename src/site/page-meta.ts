import type { LeadImage } from "../content/article.ts";
import type { Article } from "../markdown/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { absoluteUrl } from "../urls.ts";
import { lastModified, timestamp } from "./article-dates.ts";
import type { FeedLink } from "./feeds.ts";
import {
  breadcrumbJsonLd,
  type Crumb,
  collectionPageJsonLd,
  newsArticleJsonLd,
  type SourcePageOf,
  serializeJsonLd,
} from "./json-ld.ts";
import { type ShareImage, shareImage } from "./renditions.ts";
import type { PlannedEntry } from "./views.ts";

/**
 * What a page's `<head>` says about it beyond title and canonical link: Open Graph and
 * Twitter card values, its own feeds and its JSON-LD, each block already safe to embed.
 */
export interface PageMeta {
  ogType: "article" | "website";
  title: string;
  description: string;
  /** For articles: `article:published_time`, and `article:modified_time` once it differs. */
  published?: string;
  modified?: string;
  /** Names for `article:tag`. */
  tags: string[];
  feeds: FeedLink[];
  jsonLd: string[];
  /** `summary_large_image` when the page has a picture to show, else `summary`. */
  twitterCard: "summary" | "summary_large_image";
  /** For `og:image`: the URL absolute, as link previews need it. */
  image?: ShareImage;
}

function absoluteShareImage(image: LeadImage, settings: SiteSettings): ShareImage {
  const share = shareImage(image);
  return { ...share, url: absoluteUrl(settings.baseUrl, share.url) };
}

export function articleMeta(
  article: Article,
  settings: SiteSettings,
  sourcePageOf: SourcePageOf,
): PageMeta {
  const published = timestamp(article.date, settings.timeZone);
  const modified = timestamp(lastModified(article), settings.timeZone);
  return {
    ogType: "article",
    title: article.title,
    description: article.summary,
    published,
    ...(modified !== published ? { modified } : {}),
    tags: [...article.companies, ...article.models, ...article.partners].map((term) => term.name),
    feeds: [],
    jsonLd: [serializeJsonLd(newsArticleJsonLd(article, settings, sourcePageOf))],
    ...(article.image
      ? { twitterCard: "summary_large_image", image: absoluteShareImage(article.image, settings) }
      : { twitterCard: "summary" }),
  };
}

/**
 * The head metadata of a term's page, as planned: made (`collectionMeta`) only for the pages
 * a build writes, from the articles its cards name.
 */
export interface CollectionMetaPlan {
  page: { url: string; name: string; description: string };
  articles: PlannedEntry[];
  crumbs: Crumb[];
  feeds: FeedLink[];
}

/** A page listing articles (a company, model or partner page), with its breadcrumbs. */
export function collectionMeta(
  page: { url: string; name: string; description: string },
  articles: readonly Article[],
  crumbs: readonly Crumb[],
  feeds: FeedLink[],
  settings: SiteSettings,
): PageMeta {
  return {
    ogType: "website",
    title: page.name,
    description: page.description,
    tags: [],
    twitterCard: "summary",
    feeds,
    jsonLd: [
      serializeJsonLd(collectionPageJsonLd(page, articles, settings)),
      serializeJsonLd(breadcrumbJsonLd(crumbs, settings)),
    ],
  };
}
