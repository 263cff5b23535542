import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeXML } from "entities";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ArticlePlan, SitePlan } from "../site/news.ts";
import { mentionUrl } from "../taxonomy/term.ts";
import { absoluteUrl, articleUrl, pathPrefixOf, publishedUrl } from "../urls.ts";
import { type LinkProblem, outputFiles, siteUrlOfFile } from "./check-links.ts";
import { readWrittenPages } from "./read-written-pages.ts";

/** `/articles/`: every article page lives below it. */
const ARTICLES_PREFIX = articleUrl("").slice(0, -1);

async function readIfPresent(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

/** Article pages among the files: `/articles/<slug>/` for each `articles/<slug>/index.html`. */
function writtenArticleUrls(files: ReadonlySet<string>): Set<string> {
  const folder = ARTICLES_PREFIX.slice(1);
  const urls = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(folder) || !file.endsWith("/index.html")) continue;
    const url = siteUrlOfFile(file);
    if (url.slice(ARTICLES_PREFIX.length, -1).includes("/")) continue;
    urls.add(url);
  }
  return urls;
}

function problem(file: string, message: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: "error",
    ruleId: "incomplete-build",
    message,
    fix: "this is a fault of the site's code or templates, not of the article: report it to the developers",
  };
}

/** What a build knows of its output: the check then need not read it again. */
export interface KnownOutput {
  /** Every file of the output, as its path inside it; listed from the folder when absent. */
  files?: ReadonlySet<string>;
  /**
   * The article links of list pages already known: pages kept unchanged from the previous
   * build are not read again. The links of every list page read are added.
   */
  listedByPage?: Map<string, string[]>;
  /** The pages kept from the previous build: their links were checked then. */
  keptPages?: ReadonlySet<string>;
}

/**
 * Compares what a list (all pages of the home page or of one term) shows with the articles it
 * must show: each exactly once, and nothing else.
 */
function compareList(
  listName: string,
  pageUrls: readonly string[],
  listed: readonly string[],
  expected: readonly ArticlePlan[],
  articleByUrl: ReadonlyMap<string, ArticlePlan>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const counts = new Map<string, number>();
  for (const url of listed) counts.set(url, (counts.get(url) ?? 0) + 1);
  const pages = pageUrls.join(", ");
  for (const article of expected) {
    const count = counts.get(article.url) ?? 0;
    if (count === 0) {
      diagnostics.push(
        problem(article.file, `${article.url} is missing from ${listName} (${pages})`),
      );
    } else if (count > 1) {
      diagnostics.push(
        problem(article.file, `${article.url} is listed ${count} times on ${listName} (${pages})`),
      );
    }
    counts.delete(article.url);
  }
  for (const url of counts.keys()) {
    const file = articleByUrl.get(url)?.file ?? url;
    diagnostics.push(
      problem(file, `${listName} (${pages}) lists ${url}, which does not belong there`),
    );
  }
  return diagnostics;
}

/**
 * Checks a finished build in `outputDir` against the data it was built from: every published
 * article has its page, the home page and each term's pages list exactly their articles, the
 * sitemap, when the build writes one, names every article, and every address a written page
 * refers to on the site leads to a file of the output. Each page is read once, on every
 * core when there are many (`readWrittenPages`), and only its links are kept.
 *
 * What the build knows already spares reading it again (see `KnownOutput`).
 */
export async function checkCompleteness(
  outputDir: string,
  news: SitePlan,
  known: KnownOutput = {},
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const pathPrefix = pathPrefixOf(news.site.baseUrl);
  const listedByPage = known.listedByPage ?? new Map<string, string[]>();
  const keptPages = known.keptPages ?? new Set<string>();
  const files = known.files ?? (await outputFiles(outputDir));
  const articleByUrl = new Map(news.articles.map((article) => [article.url, article]));

  // What each list must show, from the articles' own terms rather than from the term index.
  const expectedByList = new Map<string, ArticlePlan[]>([["/", [...news.articles]]]);
  for (const page of news.articles) {
    const { companies, models, partners } = page.article;
    for (const url of [
      ...companies.map((company) => mentionUrl("company", company)),
      ...models.map((model) => mentionUrl("model", model)),
      ...partners.map((partner) => mentionUrl("partner", partner)),
    ]) {
      const expected = expectedByList.get(url);
      if (expected) expected.push(page);
      else expectedByList.set(url, [page]);
    }
  }
  const listPages = new Map<string, { name: string; urls: string[] }>();
  listPages.set("/", { name: "the home page", urls: news.homePages.map((page) => page.url) });
  for (const page of news.termPages) {
    const term = page.term;
    if (!term) continue;
    const list = listPages.get(term.url) ?? { name: `the page of ${term.name}`, urls: [] };
    list.urls.push(page.url);
    listPages.set(term.url, list);
  }

  const writtenArticles = writtenArticleUrls(files);
  for (const article of news.articles) {
    if (!writtenArticles.has(article.url)) {
      diagnostics.push(problem(article.file, `the build wrote no page at ${article.url}`));
    }
  }
  for (const url of writtenArticles) {
    if (!articleByUrl.has(url)) {
      diagnostics.push(problem(url, `the build wrote a page at ${url} for no published article`));
    }
  }
  for (const [listUrl, expected] of expectedByList) {
    if (listPages.has(listUrl)) continue;
    const files = expected.map((article) => article.file).join(", ");
    diagnostics.push(
      problem(expected[0]?.file ?? listUrl, `no page lists ${listUrl}, named by ${files}`),
    );
  }
  // Every page is read once: the list pages whose links are not known, then every other
  // page this build wrote. A kept page is the very file an earlier build checked.
  const listPagesToRead = new Set(
    [...listPages.values()].flatMap((list) => list.urls).filter((url) => !listedByPage.has(url)),
  );
  const toRead = new Set(listPagesToRead);
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    const url = siteUrlOfFile(file);
    if (!keptPages.has(url)) toRead.add(url);
  }
  const urls = [...toRead];
  const pages = await readWrittenPages(
    {
      outputDir,
      site: { baseUrl: news.site.baseUrl, pathPrefix, files: [...files] },
      articlesPrefix: publishedUrl(pathPrefix, ARTICLES_PREFIX),
    },
    urls,
  );
  // One broken address is reported once, with the pages linking it: a broken link in the
  // layout would otherwise give one message per page of the site.
  const pagesByLinkProblem = new Map<string, { problem: LinkProblem; pages: string[] }>();
  const missingPages = new Set<string>();
  urls.forEach((url, index) => {
    const page = pages[index];
    if (!page) {
      missingPages.add(url);
      return;
    }
    if (listPagesToRead.has(url)) listedByPage.set(url, page.listed);
    for (const wrong of page.problems) {
      const known = pagesByLinkProblem.get(wrong.message);
      if (known) known.pages.push(url);
      else pagesByLinkProblem.set(wrong.message, { problem: wrong, pages: [url] });
    }
  });
  for (const [listUrl, list] of listPages) {
    const listed: string[] = [];
    for (const url of list.urls) {
      if (missingPages.has(url)) {
        diagnostics.push(problem(url, `the build wrote no page at ${url}`));
        continue;
      }
      listed.push(...(listedByPage.get(url) ?? []));
    }
    const expected = expectedByList.get(listUrl) ?? [];
    diagnostics.push(...compareList(list.name, list.urls, listed, expected, articleByUrl));
  }
  for (const { problem: wrong, pages } of pagesByLinkProblem.values()) {
    // A missing article page is reported above, with its article.
    if (wrong.target && articleByUrl.has(wrong.target)) continue;
    pages.sort();
    const [first = "", ...others] = pages;
    const more =
      others.length === 0
        ? ""
        : ` (and ${others.length} more pages: ${others.slice(0, 3).join(", ")}${others.length > 3 ? ", …" : ""})`;
    diagnostics.push(problem(first, `${first}${more} ${wrong.message}`));
  }
  const sitemap = await readIfPresent(path.join(outputDir, "sitemap.xml"));
  if (sitemap !== undefined) {
    const locations = new Set(
      Array.from(sitemap.matchAll(/<loc>([^<]*)<\/loc>/g), ([, loc = ""]) => decodeXML(loc).trim()),
    );
    for (const article of news.articles) {
      const location = absoluteUrl(news.site.baseUrl, article.url);
      if (!locations.has(location)) {
        diagnostics.push(problem(article.file, `sitemap.xml does not list ${location}`));
      }
    }
  }
  return diagnostics;
}
