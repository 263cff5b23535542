import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { Registry } from "../registry/registry.ts";
import { type ArticleEntry, compareNewestFirst } from "./article.ts";
import { FrontMatterCache } from "./front-matter-cache.ts";
import { findLeadImage } from "./lead-image.ts";
import {
  type ArticleFile,
  type ListedArticleFile,
  listArticleFiles,
  readListedFile,
} from "./read-article-files.ts";
import { type ArticleResult, entryOf, prepareArticle } from "./validate-article.ts";

export interface LoadedArticles {
  /** Every valid article, drafts included, newest first; bodies are not rendered yet. */
  articles: ArticleEntry[];
  diagnostics: Diagnostic[];
}

/**
 * One article read from its file: parsed (unless `cache` has seen its text), validated, its
 * names resolved against `registry`, with its lead image. No article when it has an error.
 */
export async function loadArticle(
  source: ArticleFile,
  contentDir: string,
  timeZone: string,
  registry: Registry,
  cache: FrontMatterCache,
): Promise<ArticleResult> {
  const { prepared, diagnostics } = prepareArticle(source, cache.parse(source, timeZone), registry);
  if (!prepared) return { diagnostics };
  const lead = await findLeadImage(prepared, contentDir);
  const result = entryOf(prepared, lead.image);
  const problems = [...result.diagnostics, ...lead.diagnostics];
  return result.article && !hasErrors(lead.diagnostics)
    ? { article: result.article, diagnostics: problems }
    : { diagnostics: problems };
}

/**
 * The outcome of one listed article file: its result, with the text it was made from, or
 * why it could not be read.
 */
export type ListedFileResult = { result: ArticleResult; text: string } | { unreadable: Diagnostic };

/**
 * Reads and validates the `listed` files (`listArticleFiles`), each with its lead image, in
 * the order given: files whose text `cache` has seen are not parsed again.
 */
export async function loadListedFiles(
  listed: readonly ListedArticleFile[],
  realContentDir: string,
  contentDir: string,
  timeZone: string,
  registry: Registry,
  cache: FrontMatterCache,
): Promise<ListedFileResult[]> {
  const results: ListedFileResult[] = [];
  for (const file of listed) {
    const source = readListedFile(file, realContentDir);
    results.push(
      "ruleId" in source
        ? { unreadable: source }
        : {
            result: await loadArticle(source, contentDir, timeZone, registry, cache),
            text: source.text,
          },
    );
  }
  return results;
}

/**
 * Reads and validates every article below `content/articles/`, with its lead image. Every
 * problem of every file is collected; an article with an error is left out. Files whose
 * text `cache` has seen are not parsed again; the caller saves it.
 */
export async function loadArticles(
  contentDir: string,
  timeZone: string,
  registry: Registry = Registry.empty(),
  cache: FrontMatterCache = FrontMatterCache.disabled(),
): Promise<LoadedArticles> {
  const { files, realContentDir } = listArticleFiles(contentDir);
  const results = await loadListedFiles(
    files,
    realContentDir,
    contentDir,
    timeZone,
    registry,
    cache,
  );
  // Files that cannot be read are told first, then each file's problems in name order.
  const diagnostics = results.flatMap((outcome) =>
    "unreadable" in outcome ? [outcome.unreadable] : [],
  );
  const articles: ArticleEntry[] = [];
  for (const outcome of results) {
    if (!("result" in outcome)) continue;
    diagnostics.push(...outcome.result.diagnostics);
    if (outcome.result.article) articles.push(outcome.result.article);
  }
  // Two articles at one address are told by `claimUrls`, with every other shared address.
  return { articles: articles.sort(compareNewestFirst), diagnostics };
}
