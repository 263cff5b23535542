import { cacheKey, JsonLinesCache } from "../json-lines-cache.ts";
import { type ParsedArticle, parseArticle } from "./parse-article.ts";
import type { ArticleFile } from "./read-article-files.ts";

/**
 * Parsed articles kept between runs, so that a warm build or `check` parses only the files
 * that changed. An entry is found by the file's text, not its times, which a checkout resets;
 * by its path, which its messages name; and by the site's time zone, which dates depend on.
 * What depends on the registry, "today" or other articles is never kept: it is computed
 * again on every run.
 */
export class FrontMatterCache {
  private constructor(private readonly entries: JsonLinesCache<ParsedArticle>) {}

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
    const parsed = this.entries.get(key) ?? parseArticle(source, timeZone);
    this.entries.set(key, parsed);
    return parsed;
  }

  /** Keeps this run's entries for the next, and drops those of files no longer there. */
  save(): Promise<void> {
    return this.entries.save();
  }
}
