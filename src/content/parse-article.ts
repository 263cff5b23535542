import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type YamlPlaces, yamlPlaces } from "../yaml/locate-in-yaml.ts";
import { schemaIssuesToDiagnostics } from "../yaml/schema-diagnostics.ts";
import {
  ARTICLE_KEYS,
  type ArticleFrontMatter,
  createArticleSchema,
  FIELD_HELP,
} from "./article-schema.ts";
import { parseFrontMatter } from "./parse-front-matter.ts";
import type { ArticleFile } from "./read-article-files.ts";

/**
 * What an article file says by itself, given the site's time zone (which places a bare day on
 * the timeline): its checked front-matter, or why it has none. It depends on nothing else
 * (not the registry, not "today", not other articles), so it is plain data that a cache
 * keeps for as long as the file's text is unchanged (see `FrontMatterCache`).
 */
export type ParsedArticle =
  | ({ ok: true } & ParsedFields)
  | { ok: false; diagnostics: Diagnostic[] };

/** An article's front-matter that the schema accepted, and its body. */
export interface ParsedFields {
  data: ArticleFrontMatter;
  /** Where each field is written, for every later message about one. */
  places: YamlPlaces;
  /** The Markdown after the closing fence. */
  body: string;
  /** The file line on which `body` starts. */
  bodyStartLine: number;
}

const schemaByTimeZone = new Map<string, ReturnType<typeof createArticleSchema>>();

function articleSchema(timeZone: string) {
  let schema = schemaByTimeZone.get(timeZone);
  if (!schema) {
    schema = createArticleSchema(timeZone);
    schemaByTimeZone.set(timeZone, schema);
  }
  return schema;
}

/** Splits an article file, parses its YAML and checks it against the schema. */
export function parseArticle(source: ArticleFile, timeZone: string): ParsedArticle {
  const { file } = source;
  const parsed = parseFrontMatter(source.text, file);
  if (!parsed.ok) return parsed;
  const { frontMatter } = parsed;
  const result = articleSchema(timeZone).safeParse(frontMatter.data ?? {});
  if (!result.success) {
    return {
      ok: false,
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
  return {
    ok: true,
    data: result.data,
    places: yamlPlaces(frontMatter.document, frontMatter.lineCounter),
    body: frontMatter.body,
    bodyStartLine: frontMatter.bodyStartLine,
  };
}
