import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { cacheKey, JsonLinesCache } from "../json-lines-cache.ts";
import type { Article } from "../markdown/article.ts";

/** What loading made of one article file: kept for the next build while nothing it read changed. */
export interface KeptArticle {
  /** Its messages from being read and checked: warnings, since it has an article. */
  loading: Diagnostic[];
  /** Its messages from rendering its body: warnings too. */
  rendering: Diagnostic[];
  article: Article;
  /** The article's `articleDigest`. */
  digest: string;
  /** The names that linked in article text when it was rendered (`linkerKey`). */
  linker: string;
}

/** Where a build's loading may take unchanged articles from. */
export interface KeepArticles {
  /** The file they are kept in, beside the records of the site's versions. */
  file: string;
  /**
   * This build's digest of every content file, by path inside the content folder
   * (`InputsSeen.files`): the articles' say which are unchanged, the others whether what
   * every article is made from (settings, registry, pictures) is.
   */
  files: ReadonlyMap<string, string>;
  /** The builder's version: another parses, checks or renders anew. */
  builder: string;
}

/** The key of what rendering read besides the body: the names that link, and the site's path. */
export function linkerKey(linkUrls: ReadonlyMap<string, string>, pathPrefix: string): string {
  return cacheKey([JSON.stringify([...linkUrls].sort()), pathPrefix]);
}

/**
 * Articles loaded by earlier builds, each by its file's digest, so that a warm build reads,
 * checks and renders only the files that changed: one line each in a JSON Lines file
 * (`JsonLinesCache`). The cache is valid for one builder and one state of every other
 * content file: an edit of the settings, the registry or a picture loads every article again.
 * What depends on other articles (name checks, addresses, links) is never kept: it is
 * computed again on every load; an article rendered with other names that link is not taken.
 */
export class KeptArticles {
  private constructor(
    private readonly entries: JsonLinesCache<KeptArticle>,
    private readonly files: ReadonlyMap<string, string>,
    private refused = false,
  ) {}

  /** Opens the kept articles of `keep`; `isArticle` tells an article's file from the others. */
  static async open(
    keep: KeepArticles,
    isArticle: (relative: string) => boolean,
  ): Promise<KeptArticles> {
    const others = [...keep.files].filter(([relative]) => !isArticle(relative));
    const version = cacheKey([keep.builder, JSON.stringify(others)]);
    return new KeptArticles(await JsonLinesCache.open(keep.file, version), keep.files);
  }

  /** The digest of an article's file this build read, by path inside the content folder. */
  digestOf(relative: string): string | undefined {
    return this.files.get(relative);
  }

  /** What an earlier load made of the file at `relative` with `digest`, shown as `file`. */
  take(file: string, relative: string, digest: string): KeptArticle | undefined {
    return this.refused ? undefined : this.entries.get(cacheKey([file, relative, digest]));
  }

  /** From now on, nothing is taken: every file is loaded again, and kept anew. */
  refuse(): void {
    this.refused = true;
  }

  /** Keeps what this load made of a file for the next. */
  keep(file: string, relative: string, digest: string, kept: KeptArticle): void {
    this.entries.set(cacheKey([file, relative, digest]), kept);
  }

  /** Saves this load's articles for the next, and drops the others. */
  save(): Promise<void> {
    return this.entries.save();
  }
}
