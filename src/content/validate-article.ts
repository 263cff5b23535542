import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { slugifyText } from "../registry/normalize-term.ts";
import { Registry } from "../registry/registry.ts";
import { articleUrl } from "../urls.ts";
import { locateInYaml } from "../yaml/locate-in-yaml.ts";
import { schemaIssuesToDiagnostics } from "../yaml/schema-diagnostics.ts";
import type { ArticleEntry, LeadImage, Mentions } from "./article.ts";
import {
  ARTICLE_KEYS,
  type ArticleFrontMatter,
  createArticleSchema,
  FIELD_HELP,
} from "./article-schema.ts";
import { type FrontMatter, parseFrontMatter } from "./parse-front-matter.ts";
import type { ArticleFile } from "./read-article-files.ts";
import { resolveMentions } from "./resolve-mentions.ts";

export type ArticleResult = { article?: ArticleEntry; diagnostics: Diagnostic[] };

/**
 * An article file whose front-matter is read and checked: what the entry is made of, and
 * what the lead image is looked up from.
 */
export interface PreparedArticle {
  source: ArticleFile;
  data: ArticleFrontMatter;
  frontMatter: FrontMatter;
  mentions: Mentions;
  slug: string;
  /** Every problem of the file; the article is published only when none is an error. */
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
  const { prepared, diagnostics } = prepareArticle(source, timeZone, registry);
  return prepared ? entryOf(prepared) : { diagnostics };
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
 * Makes a prepared article an entry when nothing is wrong with it, with its lead image when
 * it has one. A body that is only white space is an error at the closing fence.
 */
export function entryOf(prepared: PreparedArticle, image?: LeadImage): ArticleResult {
  const { source, data, frontMatter, mentions, slug } = prepared;
  const { file } = source;
  const diagnostics = [...prepared.diagnostics];
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
  const article: ArticleEntry = {
    file,
    slug,
    url: articleUrl(slug),
    title: data.title,
    date: data.date,
    draft: data.draft,
    corrections: data.corrections,
    ...mentions,
    markdown: frontMatter.body,
    autolink: data.autolink,
    bodyStartLine: frontMatter.bodyStartLine,
    datePlace: locateInYaml(frontMatter.document, frontMatter.lineCounter, ["date"]),
    ...(data.summary !== undefined ? { summary: data.summary } : {}),
    ...(data.updated ? { updated: data.updated } : {}),
    ...(data.source ? { source: data.source } : {}),
    ...(image ? { image } : {}),
  };
  return { article, diagnostics };
}
