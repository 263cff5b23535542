import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { NO_TERM_LINKS, type TermLinker } from "../markdown/autolink-terms.ts";
import { excerpt } from "../markdown/excerpt.ts";
import { droppedScheme } from "../markdown/link-safety.ts";
import {
  type BodyOutcome,
  type BodyRequest,
  isRefused,
  renderRequest,
} from "../markdown/render-bodies.ts";
import { Registry } from "../registry/registry.ts";
import { slugifyText } from "../taxonomy/normalize-term.ts";
import { articleUrl } from "../urls.ts";
import type { Article } from "./article.ts";
import {
  ARTICLE_KEYS,
  type ArticleFrontMatter,
  createArticleSchema,
  FIELD_HELP,
} from "./article-schema.ts";
import { locateInYaml } from "./locate-in-yaml.ts";
import { type FrontMatter, parseFrontMatter } from "./parse-front-matter.ts";
import type { ArticleFile } from "./read-article-files.ts";
import { type Mentions, resolveMentions } from "./resolve-mentions.ts";
import { schemaIssuesToDiagnostics } from "./schema-diagnostics.ts";
import { ownTermUrls } from "./term-link-names.ts";

export type ArticleResult = { article?: Article; diagnostics: Diagnostic[] };

/**
 * An article whose front-matter is read and checked, its body not yet rendered: the names
 * of all articles are collected from these before any body is, so each renders once.
 */
export interface PreparedArticle {
  source: ArticleFile;
  data: ArticleFrontMatter;
  frontMatter: FrontMatter;
  mentions: Mentions;
  slug: string;
  /** The front-matter's problems so far; rendering adds the body's. */
  diagnostics: Diagnostic[];
}

export type PreparedResult = { prepared?: PreparedArticle; diagnostics: Diagnostic[] };

const schemaByTimeZone = new Map<string, ReturnType<typeof createArticleSchema>>();

function articleSchema(timeZone: string) {
  let schema = schemaByTimeZone.get(timeZone);
  if (!schema) {
    schema = createArticleSchema(timeZone);
    schemaByTimeZone.set(timeZone, schema);
  }
  return schema;
}

/** Body places are the body's own; messages need the file's lines. */
function bodyLine(line: number, bodyStartLine: number): number {
  return bodyStartLine + line - 1;
}

/**
 * Validates one article file completely and renders its body once, linking the names
 * `linker` knows. All problems of the file are reported together; the article is returned
 * only when there is no error.
 */
export function validateArticle(
  source: ArticleFile,
  timeZone: string,
  registry: Registry = Registry.empty(),
  linker: TermLinker = NO_TERM_LINKS,
): ArticleResult {
  const { prepared, diagnostics } = prepareArticle(source, timeZone, registry);
  return prepared ? renderArticle(prepared, linker) : { diagnostics };
}

/** Reads and checks an article's front-matter; the body waits for `renderArticle`. */
export function prepareArticle(
  source: ArticleFile,
  timeZone: string,
  registry: Registry = Registry.empty(),
): PreparedResult {
  const { file } = source;
  const parsed = parseFrontMatter(source.text, file);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const { frontMatter } = parsed;

  const result = articleSchema(timeZone).safeParse(frontMatter.data ?? {});
  if (!result.success) {
    return {
      diagnostics: schemaIssuesToDiagnostics(result.error.issues, {
        file,
        document: frontMatter.document,
        lineCounter: frontMatter.lineCounter,
        knownKeys: ARTICLE_KEYS,
        fieldHelp: FIELD_HELP,
        describedAs: "an article",
      }),
    };
  }
  const data = result.data;
  const diagnostics: Diagnostic[] = [];
  const { mentions, diagnostics: mentionProblems } = resolveMentions(
    data,
    frontMatter,
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

  return { prepared: { source, data, frontMatter, mentions, slug, diagnostics }, diagnostics };
}

/**
 * Renders a prepared article's body, once, and checks it. Names `linker` knows link to their
 * pages unless the article says `autolink: false`.
 */
export function renderArticle(prepared: PreparedArticle, linker: TermLinker): ArticleResult {
  return completeArticle(prepared, renderRequest(bodyRequest(prepared), linker));
}

/** What rendering a prepared article's body needs, as plain data (it may go to a worker). */
export function bodyRequest(prepared: PreparedArticle): BodyRequest {
  return {
    markdown: prepared.frontMatter.body,
    autolink: prepared.data.autolink,
    ownUrls: [...ownTermUrls(prepared.mentions)],
  };
}

/**
 * Checks a prepared article's rendered body and makes it an article when nothing is wrong.
 * A body refused for its size or nesting is one error where it goes past the limit.
 */
export function completeArticle(prepared: PreparedArticle, body: BodyOutcome): ArticleResult {
  const { source, data, frontMatter, mentions, slug } = prepared;
  const { file } = source;
  const diagnostics = [...prepared.diagnostics];
  if (isRefused(body)) {
    const { ruleId, place, message, fix } = body.refused;
    diagnostics.push({
      file,
      line: bodyLine(place.line, frontMatter.bodyStartLine),
      column: place.column,
      severity: "error",
      ruleId,
      message,
      fix,
    });
    return { diagnostics };
  }
  for (const place of body.rawHtml) {
    diagnostics.push({
      file,
      line: bodyLine(place.line, frontMatter.bodyStartLine),
      column: place.column,
      severity: "warning",
      ruleId: "raw-html",
      message: "raw HTML is not published",
      fix: "write it in Markdown: **bold**, _italic_, [link](https://…)",
    });
  }

  for (const link of body.links) {
    const scheme = droppedScheme(link.url, link.isImage);
    if (scheme === undefined) continue;
    diagnostics.push({
      file,
      line: bodyLine(link.place.line, frontMatter.bodyStartLine),
      column: link.place.column,
      severity: "warning",
      ruleId: "unsafe-link",
      message: `${link.isImage ? "an image" : "a link"} to a "${scheme}:" address is not published`,
      fix: "use a web address starting with https:// (in lower case), or an address on this site",
    });
  }
  if (frontMatter.body.trim() === "") {
    diagnostics.push({
      file,
      // The closing fence: the line after it may not exist.
      line: frontMatter.bodyStartLine - 1,
      column: 1,
      severity: "error",
      ruleId: "empty-body",
      message: "the article has no text after the front-matter",
      fix: "write the article below the closing `---` line",
    });
  }

  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { diagnostics };
  const article: Article = {
    file,
    slug,
    url: articleUrl(slug),
    title: data.title,
    date: data.date,
    summary: data.summary ?? excerpt(body.firstParagraph),
    draft: data.draft,
    corrections: data.corrections,
    ...mentions,
    body,
    bodyStartLine: frontMatter.bodyStartLine,
    datePlace: locateInYaml(frontMatter.document, frontMatter.lineCounter, ["date"]),
    ...(data.updated ? { updated: data.updated } : {}),
    ...(data.source ? { source: data.source } : {}),
  };
  return { article, diagnostics };
}
