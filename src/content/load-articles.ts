import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { Registry } from "../registry/registry.ts";
import { type Article, compareNewestFirst } from "./article.ts";
import { readArticleFiles } from "./read-article-files.ts";
import { validateArticle } from "./validate-article.ts";

export interface LoadedArticles {
  /** Every valid article, drafts included, newest first. */
  articles: Article[];
  diagnostics: Diagnostic[];
}

/** Two articles that would write the same page: both are named, the build cannot choose. */
function duplicateUrlDiagnostics(articles: readonly Article[]): Diagnostic[] {
  const byUrl = new Map<string, Article[]>();
  for (const article of articles) {
    byUrl.set(article.url, [...(byUrl.get(article.url) ?? []), article]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [url, sharing] of byUrl) {
    if (sharing.length < 2) continue;
    for (const article of sharing) {
      const others = sharing.filter((other) => other !== article).map((other) => other.file);
      diagnostics.push({
        file: article.file,
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "duplicate-url",
        message: `this article and ${others.join(", ")} would both be published at ${url}`,
        fix: "give one of them a different `slug:` (or file name)",
      });
    }
  }
  return diagnostics;
}

/** Reads, validates and renders every article below `content/articles/`. */
export async function loadArticles(
  contentDir: string,
  timeZone: string,
  registry: Registry = Registry.empty(),
): Promise<LoadedArticles> {
  const { files, diagnostics } = await readArticleFiles(contentDir);
  const articles: Article[] = [];
  for (const source of files) {
    const result = validateArticle(source, timeZone, registry);
    diagnostics.push(...result.diagnostics);
    if (result.article) articles.push(result.article);
  }
  const duplicates = duplicateUrlDiagnostics(articles);
  const clashing = new Set(duplicates.map((diagnostic) => diagnostic.file));
  return {
    articles: articles.filter((article) => !clashing.has(article.file)).sort(compareNewestFirst),
    diagnostics: [...diagnostics, ...duplicates],
  };
}
