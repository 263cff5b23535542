import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { slugifyText } from "../registry/normalize-term.ts";
import { Registry } from "../registry/registry.ts";
import { articleUrl } from "../urls.ts";
import { placeIn } from "../yaml/locate-in-yaml.ts";
import type { ArticleEntry, LeadImage, Mentions } from "./article.ts";
import { type ParsedArticle, type ParsedFields, parseArticle } from "./parse-article.ts";
import type { ArticleFile } from "./read-article-files.ts";
import { resolveMentions } from "./resolve-mentions.ts";

export type ArticleResult = { article?: ArticleEntry; diagnostics: Diagnostic[] };

/**
 * An article file whose front-matter is read and checked: what the entry is made of, and
 * what the lead image is looked up from.
 */
export interface PreparedArticle extends ParsedFields {
  source: ArticleFile;
  mentions: Mentions;
  slug: string;
  /** Every problem of the file; the article is published only when none is an error. */
  diagnostics: Diagnostic[];
}

export type PreparedResult = { prepared?: PreparedArticle; diagnostics: Diagnostic[] };

/**
 * Validates one article file: its front-matter, its names against the registry, its address
 * and that it has a text. All problems of the file are reported together; the entry is
 * returned only when there is no error. Its body is rendered by the Markdown stage.
 */
export function validateArticle(
  source: ArticleFile,
  timeZone: string,
  registry: Registry = Registry.empty(),
): ArticleResult {
  const { prepared, diagnostics } = prepareArticle(
    source,
    parseArticle(source, timeZone),
    registry,
  );
  return prepared ? entryOf(prepared) : { diagnostics };
}

/**
 * Checks a parsed article against what lies outside its file: its names against the
 * registry, and its address. This runs on every load; the parsing may come from a cache.
 */
export function prepareArticle(
  source: ArticleFile,
  parsed: ParsedArticle,
  registry: Registry = Registry.empty(),
): PreparedResult {
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const { ok: _, ...fields } = parsed;
  const { file } = source;
  const { data } = fields;
  const diagnostics: Diagnostic[] = [];
  const { mentions, diagnostics: mentionProblems } = resolveMentions(
    data,
    fields.places,
    file,
    registry,
  );
  diagnostics.push(...mentionProblems);

  const slug = data.slug ?? slugifyText(source.baseName);
  if (slug === "") {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      ruleId: "unsafe-slug",
      message: `the file name "${source.baseName}" gives no usable address`,
      fix: "rename the file with Latin letters or digits, or set `slug: chery-localization-russia`",
    });
  }

  return { prepared: { ...fields, source, mentions, slug, diagnostics }, diagnostics };
}

/**
 * Makes a prepared article an entry when nothing is wrong with it, with its lead image when
 * it has one. A body that is only white space is an error at the closing fence.
 */
export function entryOf(prepared: PreparedArticle, image?: LeadImage): ArticleResult {
  const { source, data, places, body, bodyStartLine, mentions, slug } = prepared;
  const { file } = source;
  const diagnostics = [...prepared.diagnostics];
  if (body.trim() === "") {
    diagnostics.push({
      file,
      // The closing fence: the line after it may not exist.
      line: bodyStartLine - 1,
      column: 1,
      severity: "error",
      ruleId: "empty-body",
      message: "the article has no text after the front-matter",
      fix: "write the article below the closing `---` line",
    });
  }

  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { diagnostics };
  const article: ArticleEntry = {
    file,
    slug,
    url: articleUrl(slug),
    title: data.title,
    date: data.date,
    draft: data.draft,
    corrections: data.corrections,
    ...mentions,
    markdown: body,
    autolink: data.autolink,
    bodyStartLine,
    datePlace: placeIn(places, ["date"]),
    ...(data.summary !== undefined ? { summary: data.summary } : {}),
    ...(data.updated ? { updated: data.updated } : {}),
    ...(data.source ? { source: data.source } : {}),
    ...(image ? { image } : {}),
  };
  return { article, diagnostics };
}
