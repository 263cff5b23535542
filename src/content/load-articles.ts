import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { findLeadImage } from "../images/lead-image.ts";
import type { BodyOutcome } from "../markdown/render-bodies.ts";
import { renderBodies } from "../markdown/render-bodies.ts";
import { RenderCache } from "../markdown/render-cache.ts";
import { type BuildProgress, silentProgress } from "../progress.ts";
import { Registry } from "../registry/registry.ts";
import { type Article, compareNewestFirst } from "./article.ts";
import type { ArticleFrontMatter } from "./article-schema.ts";
import { readArticleFiles } from "./read-article-files.ts";
import { termLinkNames } from "./term-link-names.ts";
import {
  bodyRequest,
  completeArticle,
  type PreparedArticle,
  prepareArticle,
} from "./validate-article.ts";

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

/**
 * Reads, validates and renders every article below `content/articles/`. All front-matter is
 * read first, so each body renders once with the names of every term that has a page in this
 * build linked; `hasPages` tells which articles' terms get pages (no drafts in production).
 * Bodies an earlier build rendered come from `cache`. `progress` hears when rendering starts
 * and how many bodies are done.
 */
export async function loadArticles(
  contentDir: string,
  timeZone: string,
  registry: Registry = Registry.empty(),
  hasPages: (data: ArticleFrontMatter) => boolean = () => true,
  cache: RenderCache = RenderCache.disabled(),
  progress: BuildProgress = silentProgress,
): Promise<LoadedArticles> {
  const { files, diagnostics } = await readArticleFiles(contentDir);
  const prepared: PreparedArticle[] = [];
  for (const source of files) {
    const result = prepareArticle(source, timeZone, registry);
    if (result.prepared) prepared.push(result.prepared);
    else diagnostics.push(...result.diagnostics);
  }
  const linkUrls = termLinkNames(
    prepared.filter((article) => hasPages(article.data)).map((article) => article.mentions),
    registry,
  );
  progress.phase("Rendering Markdown");
  const bodies = await renderBodies(prepared.map(bodyRequest), {
    linkUrls,
    cache,
    onRendered: (done, total) => progress.advance(done, total),
  });
  const articles: Article[] = [];
  for (const [index, article] of prepared.entries()) {
    const result = completeArticle(article, bodies[index] as BodyOutcome);
    const lead = await findLeadImage(article, contentDir);
    diagnostics.push(...result.diagnostics, ...lead.diagnostics);
    if (!result.article || hasErrors(lead.diagnostics)) continue;
    articles.push(lead.image ? { ...result.article, image: lead.image } : result.article);
  }
  const duplicates = duplicateUrlDiagnostics(articles);
  const clashing = new Set(duplicates.map((diagnostic) => diagnostic.file));
  return {
    articles: articles.filter((article) => !clashing.has(article.file)).sort(compareNewestFirst),
    diagnostics: [...diagnostics, ...duplicates],
  };
}
