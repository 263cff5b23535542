import type { ArticleFile } from "../../src/content/read-article-files.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import type { Article } from "../../src/markdown/article.ts";
import type { TermLinker } from "../../src/markdown/autolink-terms.ts";
import type { BodyHtml } from "../../src/markdown/body.ts";
import { renderArticle } from "../../src/markdown/render-article.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";
import type { Registry } from "../../src/registry/registry.ts";
import type { SiteSettings } from "../../src/settings/site-settings.ts";
import { articleText } from "./content-folder.ts";

/** An article file as `readArticleFiles` hands it over: `content/articles/<baseName>.md`. */
export function articleFile(baseName: string, text: string): ArticleFile {
  return { file: `content/articles/${baseName}.md`, baseName, text };
}

/** Where the bodies of the articles made here are kept, for all tests of a file. */
const fixtureBodies = RenderCache.disabled();

/** Reads the body of an article made here (`checkArticle`, `validArticle`). */
export const fixtureBodyHtml: BodyHtml = fixtureBodies.bodies.reader;

/**
 * Validates one article file and renders its body, as the content and Markdown stages do in
 * a build: every problem of both, and the article when there is no error.
 */
export function checkArticle(
  source: ArticleFile,
  timeZone = "Europe/Moscow",
  registry?: Registry,
  linker?: TermLinker,
): { article?: Article; diagnostics: Diagnostic[] } {
  const validated = validateArticle(source, timeZone, registry);
  if (!validated.article) return { diagnostics: validated.diagnostics };
  const rendered = renderArticle(validated.article, fixtureBodies, linker);
  return {
    diagnostics: [...validated.diagnostics, ...rendered.diagnostics],
    ...(rendered.article ? { article: rendered.article } : {}),
  };
}

/**
 * A validated article built the way the loader builds it, for tests of indexes and pages.
 * Content that does not validate throws with the report, so a broken fixture fails loudly.
 */
export function validArticle(
  baseName: string,
  frontMatter: readonly string[],
  body?: string,
  timeZone = "Europe/Moscow",
): Article {
  const result = checkArticle(articleFile(baseName, articleText(frontMatter, body)), timeZone);
  if (!result.article || hasErrors(result.diagnostics)) {
    throw new Error(`The fixture ${baseName} is invalid:\n${formatReport(result.diagnostics)}`);
  }
  return result.article;
}

/** The site settings `siteYaml()` describes, as `loadSiteSettings` returns them. */
export function siteSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return {
    title: "Auto Industry Digest",
    description: "News about carmakers, their models and partners.",
    language: "en",
    baseUrl: "https://news-digest.example.org/",
    timeZone: "Europe/Moscow",
    pageSize: 10,
    archivePageSize: 100,
    digestPageSize: 100,
    ...overrides,
  };
}
