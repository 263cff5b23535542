import path from "node:path";
import { type LoadedContent, loadContent, loadNews, loadSite } from "../../src/build/load-news.ts";
import type { Article } from "../../src/markdown/article.ts";
import type { News, PageParts, SitePlan, SiteToWrite } from "../../src/site/news.ts";
import { planSite } from "../../src/site/site-data.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";

/** The fixture corpus: 33 articles about Chery, Haval, Geely, AvtoVAZ… and two drafts. */
export const FIXTURE_CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

/** A day after every fixture article, so none is scheduled. */
const NOW = new Date("2024-01-01T00:00:00Z");

/**
 * The site's data computed from the fixture corpus, as a build (or, with drafts, a preview)
 * sees it, and the reader of its bodies.
 */
export async function fixtureSite(
  includeDrafts = false,
): Promise<{ news: News; parts: PageParts }> {
  const { news, parts } = await loadNews({
    contentDir: FIXTURE_CORPUS,
    includeDrafts,
    now: NOW,
  });
  if (!news || !parts) throw new Error("the fixture corpus did not load");
  return { news, parts };
}

/** The site's data computed from the fixture corpus, as a build (or, with drafts, a preview) sees it. */
export async function fixtureNews(includeDrafts = false): Promise<News> {
  return (await fixtureSite(includeDrafts)).news;
}

/**
 * The site of the fixture corpus planned, as a build plans it before it writes pages, and
 * what its pages are completed with.
 */
export async function fixturePlannedSite(
  includeDrafts = false,
): Promise<{ site: SiteToWrite<SitePlan>; parts: PageParts }> {
  const { site, parts } = await loadSite({ contentDir: FIXTURE_CORPUS, includeDrafts, now: NOW });
  if (!site || !parts) throw new Error("the fixture corpus did not load");
  return { site, parts };
}

/** The fixture corpus loaded, checked and rendered, before the site's data: what search indexes. */
export async function fixtureContent(includeDrafts = false): Promise<LoadedContent> {
  const { content } = await loadContent({ contentDir: FIXTURE_CORPUS, includeDrafts, now: NOW });
  if (!content) throw new Error("the fixture corpus did not load");
  return content;
}

/** The loaded fixture corpus with the article at `url` edited by `edit`. */
async function fixtureContentWith(
  url: string,
  edit: (article: Article) => Article,
  includeDrafts: boolean,
): Promise<LoadedContent> {
  const content = await fixtureContent(includeDrafts);
  if (!content.articles.some((article) => article.url === url)) {
    throw new Error(`the fixture corpus has no article at ${url}`);
  }
  const articles = content.articles.map((article) =>
    article.url === url ? edit(article) : article,
  );
  return { ...content, articles, index: buildTermIndex(articles) };
}

/**
 * The site of the fixture corpus with the article at `url` edited by `edit`, planned as a
 * build plans it from loaded articles: what every page shows of that article changes, and
 * nothing else.
 */
export async function fixtureSiteWith(
  url: string,
  edit: (article: Article) => Article,
  includeDrafts = false,
): Promise<SiteToWrite<SitePlan>> {
  const { settings, registry, today, articles, index } = await fixtureContentWith(
    url,
    edit,
    includeDrafts,
  );
  return planSite(settings, articles, index, { registry, today });
}

/** `fixtureSiteWith`, every page made: the site's data as a preview holds it. */
export async function fixtureNewsWith(
  url: string,
  edit: (article: Article) => Article,
  includeDrafts = false,
): Promise<News> {
  const site = await fixtureSiteWith(url, edit, includeDrafts);
  return site.make(site.plan);
}

/** The article with its text edited: another rendered body, by its key and digest. */
export function withEditedText(article: Article): Article {
  return {
    ...article,
    body: { ...article.body, key: `${article.body.key}-edited`, digest: "an edited body" },
  };
}
