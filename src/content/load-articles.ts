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

/**
 * Reads, validates and renders every article below `content/articles/`. All front-matter is
 * read first, so each body renders once with the names of every term that has a page in this
 * build linked; `hasPages` tells which articles' terms get pages (no drafts in production).
 * Bodies an earlier build rendered come from `cache`. `progress` hears when rendering starts
 * and how many bodies are done. Links to the site's pages start with `pathPrefix`, the path
 * the site is published under.
 */
export async function loadArticles(
  contentDir: string,
  timeZone: string,
  registry: Registry = Registry.empty(),
  hasPages: (data: ArticleFrontMatter) => boolean = () => true,
  cache: RenderCache = RenderCache.disabled(),
  progress: BuildProgress = silentProgress,
  pathPrefix = "/",
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
    pathPrefix,
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
  // Two articles at one address are told by `claimUrls`, with every other shared address.
  return { articles: articles.sort(compareNewestFirst), diagnostics };
}
