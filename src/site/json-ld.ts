import type { Article } from "../markdown/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { mentionUrl } from "../taxonomy/term.ts";
import { absoluteUrl, homeUrl } from "../urls.ts";
import { lastModified, timestamp } from "./article-dates.ts";
import { shareImage } from "./renditions.ts";

/** A schema.org node, as plain data. */
export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

/**
 * Characters that could end a `<script>` element or an HTML comment inside it (`<`, `>`),
 * start an entity (`&`), or break a JavaScript string in old parsers (U+2028, U+2029).
 * Each is written as its `\uXXXX` escape, which JSON reads back as the same character.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON for a `<script type="application/ld+json">` element: no value can close the element. */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_SCRIPT,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function publisher(settings: SiteSettings): JsonLd {
  return {
    "@type": "Organization",
    name: settings.title,
    url: absoluteUrl(settings.baseUrl, homeUrl),
  };
}

/** The page of a source, when it has one. */
export type SourcePageOf = (article: Article) => string | undefined;

/**
 * `NewsArticle`: what the article is about (companies, models), whom it mentions, its source.
 * Its address is its `@id` and `mainEntityOfPage`, and its summary is the page's description
 * and `og:description`: neither is written a third time here.
 */
export function newsArticleJsonLd(
  article: Article,
  settings: SiteSettings,
  sourcePageOf: SourcePageOf,
): JsonLd {
  const url = absoluteUrl(settings.baseUrl, article.url);
  const thing = (type: string, name: string, path: string): JsonLd => ({
    "@type": type,
    name,
    url: absoluteUrl(settings.baseUrl, path),
  });
  const sourcePage = sourcePageOf(article);
  const image = article.image && shareImage(article.image);
  const source: JsonLd | undefined = article.source && {
    "@type": "CreativeWork",
    name: article.source.name,
    ...(article.source.url
      ? { url: article.source.url }
      : sourcePage
        ? { url: absoluteUrl(settings.baseUrl, sourcePage) }
        : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": url,
    mainEntityOfPage: url,
    headline: article.title,
    inLanguage: settings.language,
    datePublished: timestamp(article.date, settings.timeZone),
    dateModified: timestamp(lastModified(article), settings.timeZone),
    author: publisher(settings),
    publisher: publisher(settings),
    about: [
      ...article.companies.map((company) =>
        thing("Organization", company.name, mentionUrl("company", company)),
      ),
      ...article.models.map((model) => thing("Product", model.name, mentionUrl("model", model))),
    ],
    mentions: article.partners.map((partner) =>
      thing("Organization", partner.name, mentionUrl("partner", partner)),
    ),
    ...(source ? { isBasedOn: source } : {}),
    ...(image
      ? {
          image: {
            "@type": "ImageObject",
            url: absoluteUrl(settings.baseUrl, image.url),
            width: image.width,
            height: image.height,
          },
        }
      : {}),
  };
}

export interface Crumb {
  name: string;
  url: string;
}

/** `BreadcrumbList` of site-relative links, first the home page. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], settings: SiteSettings): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(settings.baseUrl, crumb.url),
    })),
  };
}

/**
 * `CollectionPage` of a company, model or partner page, listing the articles it shows by
 * position and address (the form of a summary page's `ItemList`; their headlines are the
 * visible list's).
 */
export function collectionPageJsonLd(
  page: { url: string; name: string; description: string },
  articles: readonly Article[],
  settings: SiteSettings,
): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    "@id": absoluteUrl(settings.baseUrl, page.url),
    url: absoluteUrl(settings.baseUrl, page.url),
    name: page.name,
    description: page.description,
    inLanguage: settings.language,
    isPartOf: {
      "@type": "WebSite",
      name: settings.title,
      url: absoluteUrl(settings.baseUrl, homeUrl),
    },
    mainEntity: {
      "@type": "ItemList",
      itemListElement: articles.map((article, index) => ({
        "@type": "ListItem",
        position: index + 1,
        url: absoluteUrl(settings.baseUrl, article.url),
      })),
    },
  };
}
