import type { Article } from "../markdown/article.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import {
  archiveIndexUrl,
  atomFeedUrl,
  correctionsUrl,
  digestIndexUrl,
  directoryByCountUrl,
  directoryUrl,
  homeUrl,
  sourceIndexUrl,
  type TermKind,
} from "../urls.ts";
import { type Archives, buildArchives } from "./archives.ts";
import { type Breadcrumbs, termBreadcrumbs } from "./breadcrumbs.ts";
import { buildCorrectionsPage, type CorrectionsPage, type CorrectionView } from "./corrections.ts";
import { buildDigests, type Digests } from "./digests.ts";
import { buildFeeds, type Feed, type FeedLink, feedLinks } from "./feeds.ts";
import type { CollectionMetaPlan, PageMeta } from "./page-meta.ts";
import { paginate } from "./paginate.ts";
import { articlesByTerm, relatedArticles } from "./related-articles.ts";
import { buildSitemaps, type PublicPage, type Sitemaps } from "./sitemap.ts";
import { buildSources, type SourceLink, type SourcePage } from "./sources.ts";
import type { ArticleView, EntryOf, ListEntry, PlannedEntry, Term, TermIndex } from "./views.ts";

/** What an article page shows beyond the article itself. */
export interface ArticleExtras {
  crumbs: Breadcrumbs;
  related: ListEntry[];
  corrections: CorrectionView[];
  /** The page listing every article based on the same source. */
  sourcePage?: string;
}

/** Feeds, sitemaps, digests, archives, sources and corrections: the fields they add to `News`. */
export interface Publishing<Entry = ListEntry, ListMeta = PageMeta> {
  feeds: Feed[];
  /** The site's own feeds, announced on every page. */
  siteFeeds: FeedLink[];
  sitemaps: Sitemaps;
  /**
   * Head metadata by page URL, for the pages that have more to say than a title: the term
   * pages'; an article page's is made as it is written (`PageParts.articleMeta`).
   */
  pageMeta: Record<string, ListMeta>;
  digests: Digests<Entry>;
  archives: Archives<Entry>;
  sourcePages: SourcePage<Entry>[];
  sourceIndex: { url: string; title: string; sources: SourceLink[] };
  corrections: CorrectionsPage;
}

export interface PublishingInput {
  settings: SiteSettings;
  /** Only the articles readers may see, newest first, and their term index. */
  publicArticles: readonly Article[];
  publicIndex: TermIndex;
  entryOf: EntryOf;
  /** For the corrections page, which is made whole. */
  viewOf: (article: Article) => ArticleView;
  /** The directory of a kind of term, for breadcrumbs: `{ name: "Companies", url: "/companies/" }`. */
  directoryName: (kind: TermKind) => string;
}

function termDescription(term: Term, siteTitle: string): string {
  return `${term.articles.length} ${term.articles.length === 1 ? "article" : "articles"} about ${term.name} on ${siteTitle}.`;
}

/** An article page's related articles and source page, as planned. */
export interface PlannedExtras {
  related: PlannedEntry[];
  sourcePage?: string;
}

/**
 * Plans every publishing page and each article's extras from the public articles only, so
 * drafts and scheduled articles never reach a feed, sitemap, digest or list here.
 */
export function buildPublishing(input: PublishingInput): {
  publishing: Publishing<PlannedEntry, CollectionMetaPlan>;
  extrasOf: (article: Article) => PlannedExtras;
} {
  const { settings, publicArticles, publicIndex, entryOf, viewOf } = input;
  const { language, title: siteTitle, pageSize } = settings;
  const terms = [...publicIndex.companies, ...publicIndex.models, ...publicIndex.partners];
  const categoriesOf = (article: Article) =>
    [...article.companies, ...article.models, ...article.partners].map((term) => term.name);

  const feeds = buildFeeds(settings, publicArticles, publicIndex, categoriesOf);
  const feedsByAtomUrl = new Map(feeds.map((feed) => [feed.atomUrl, feed]));
  const siteFeed = feedsByAtomUrl.get(atomFeedUrl(homeUrl));
  const companyNames = new Map(
    publicIndex.companies.map((company) => [company.slug, company.name]),
  );
  const digests = buildDigests(
    publicArticles,
    language,
    siteTitle,
    settings.digestPageSize,
    entryOf,
    (slug, fallback) => companyNames.get(slug) ?? fallback,
  );
  const archives = buildArchives(
    publicArticles,
    language,
    siteTitle,
    settings.archivePageSize,
    entryOf,
  );
  const sources = buildSources(publicArticles, siteTitle, pageSize, entryOf);
  const corrections = buildCorrectionsPage(publicArticles, language, siteTitle, viewOf);

  // An article page's own is made when the page is written (`PageParts`).
  const pageMeta: Record<string, CollectionMetaPlan> = {};
  const termListPages: PublicPage[] = [];
  for (const term of terms) {
    const feed = feedsByAtomUrl.get(atomFeedUrl(term.url));
    const crumbs = termBreadcrumbs(term, input.directoryName(term.kind));
    for (const page of paginate(term.articles, pageSize, term.url)) {
      termListPages.push({ url: page.url, articles: page.items });
      pageMeta[page.url] = {
        page: { url: page.url, name: term.name, description: termDescription(term, siteTitle) },
        articles: page.items.map((article) => entryOf(article)),
        crumbs,
        feeds: feed ? feedLinks(feed) : [],
      };
    }
  }

  const articlesOfEntries = (entries: readonly PlannedEntry[]): Article[] =>
    entries.map((entry) => entry.article);
  const articlesOf = (groups: ReadonlyArray<{ entries: PlannedEntry[] }>): Article[] =>
    articlesOfEntries(groups.flatMap((group) => group.entries));
  const pages: PublicPage[] = [
    ...paginate(publicArticles, pageSize, homeUrl).map((page) => ({
      url: page.url,
      articles: page.items,
    })),
    ...(["company", "model", "partner"] as const).flatMap((kind) =>
      [directoryUrl(kind), directoryByCountUrl(kind)].map((url) => ({
        url,
        articles: publicArticles,
      })),
    ),
    ...termListPages,
    { url: digestIndexUrl, articles: publicArticles },
    ...digests.pages.map((page) => ({ url: page.url, articles: articlesOf(page.groups) })),
    { url: archiveIndexUrl, articles: publicArticles },
    ...archives.pages.map((page) => ({ url: page.url, articles: articlesOfEntries(page.entries) })),
    { url: sourceIndexUrl, articles: publicArticles.filter((article) => article.source) },
    ...sources.pages.map((page) => ({ url: page.url, articles: articlesOfEntries(page.entries) })),
    { url: correctionsUrl, articles: publicArticles.filter((a) => (a.corrections ?? []).length) },
  ];

  const byTerm = articlesByTerm(publicIndex);
  return {
    publishing: {
      feeds,
      siteFeeds: siteFeed ? feedLinks(siteFeed) : [],
      sitemaps: buildSitemaps(pages, publicArticles, settings),
      pageMeta,
      digests,
      archives,
      sourcePages: sources.pages,
      sourceIndex: sources.index,
      corrections,
    },
    extrasOf(article) {
      const sourcePage = sources.pageOf(article);
      return {
        related: relatedArticles(article, byTerm).map((other) => entryOf(other)),
        ...(sourcePage ? { sourcePage } : {}),
      };
    },
  };
}
