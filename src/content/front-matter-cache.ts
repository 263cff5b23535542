import { cacheKey, JsonLinesCache } from "../json-lines-cache.ts";
import { type ParsedArticle, type ParsedFields, parseArticle } from "./parse-article.ts";
import type { ArticleFile } from "./read-article-files.ts";

/**
 * A parsed article as the cache keeps it: a body that is the end of the file's text (as it
 * is, unless a parser ever changed it) by its length alone. The text is part of the entry's
 * key, so the body is cut from the same text it was parsed from; kept whole, bodies were over
 * half of the cache file, read again on every run.
 */
type KeptArticle = ParsedArticle | ({ ok: true; bodyLength: number } & Omit<ParsedFields, "body">);

function kept(parsed: ParsedArticle, text: string): KeptArticle {
  if (!parsed.ok || !text.endsWith(parsed.body)) return parsed;
  const { body, ...fields } = parsed;
  return { ...fields, bodyLength: body.length };
}

function restored(entry: KeptArticle, text: string): ParsedArticle {
  if (!("bodyLength" in entry)) return entry;
  const { bodyLength, ...fields } = entry;
  return { ...fields, body: text.slice(text.length - bodyLength) };
}

/**
 * Parsed articles kept between runs, so that a warm build or `check` parses only the files
 * that changed. An entry is found by the file's text, not its times, which a checkout resets;
 * by its path, which its messages name; and by the site's time zone, which dates depend on.
 * What depends on the registry, "today" or other articles is never kept: it is computed
 * again on every run.
 */
export class FrontMatterCache {
  private constructor(private readonly entries: JsonLinesCache<KeptArticle>) {}

  /** A cache that keeps nothing: every file is parsed. */
  static disabled(): FrontMatterCache {
    return new FrontMatterCache(JsonLinesCache.disabled());
  }

  /**
   * Opens the cache file; a missing, damaged or foreign file is an empty cache, and so is
   * one written by another `version` of the code that parses (the builder's version).
   */
  static async open(file: string, version: string): Promise<FrontMatterCache> {
    return new FrontMatterCache(await JsonLinesCache.open(file, version));
  }

  /** The article as parsed by an earlier run, or parsed now. */
  parse(source: ArticleFile, timeZone: string): ParsedArticle {
    // The decoded text is the file's bytes without a byte-order mark, which parsing drops.
    const key = cacheKey([source.file, timeZone, source.text]);
    const entry = this.entries.get(key);
    const parsed = entry ? restored(entry, source.text) : parseArticle(source, timeZone);
    this.entries.set(key, entry ?? kept(parsed, source.text));
    return parsed;
  }

  /** Keeps this run's entries for the next, and drops those of files no longer there. */
  save(): Promise<void> {
    return this.entries.save();
  }
}
