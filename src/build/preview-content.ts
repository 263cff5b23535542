import path from "node:path";
import { FrontMatterCache } from "../content/front-matter-cache.ts";
import { loadArticle } from "../content/load-articles.ts";
import { ARTICLES_FOLDER, readArticleFile } from "../content/read-article-files.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { renderArticles } from "../markdown/render-articles.ts";
import { RenderCache } from "../markdown/render-cache.ts";
import type { EditedPage } from "../output/preview-site.ts";
import { isOwnPageEdit, withEditedArticle } from "../site/edited-article.ts";
import type { LoadedSite } from "../site/news.ts";
import { articleMetaOf } from "../site/page-parts.ts";
import { pathPrefixOf } from "../urls.ts";
import { checkArticleLinks, loadNews, type NewsOptions, type NewsResult } from "./load-news.ts";

/**
 * The preview's content: every load of it (`loadNews`), and, between loads, the site after
 * an edit of what one article's own page alone shows (its text, headline, update,
 * corrections), made in memory from the latest load and that one file read again. The
 * preview writes that article's page from it first; its next load makes the rest.
 */
export class PreviewContent {
  private latest: NewsResult | undefined;

  constructor(private readonly options: NewsOptions) {}

  /** Loads all content again; the edits that follow are made from this load. */
  async load(): Promise<LoadedSite> {
    this.latest = await loadNews(this.options);
    return this.latest;
  }

  /**
   * The site's data after an edit of `files`, when they are one article of which only what
   * its own page alone shows changed (`isOwnPageEdit`), without an error, since the latest
   * load, itself without one: its page then reads exactly as a full load would make it. Otherwise undefined: only a full
   * load can tell (and report) what changed.
   */
  async afterEdit(files: readonly string[]): Promise<EditedPage | undefined> {
    const { news, context } = this.latest ?? {};
    const [changed] = files;
    if (!news || !context || files.length !== 1 || changed === undefined) return undefined;
    const articlesDir = path.resolve(context.contentDir, ARTICLES_FOLDER);
    const absolutePath = path.resolve(changed);
    if (!absolutePath.startsWith(`${articlesDir}${path.sep}`) || !changed.endsWith(".md")) {
      return undefined;
    }
    const source = readArticleFile(context.contentDir, absolutePath);
    if ("ruleId" in source) return undefined;
    const before = context.articles.get(source.file);
    if (!before) return undefined;
    const { timeZone, baseUrl } = context.settings;
    const entry = await loadArticle(
      source,
      context.contentDir,
      timeZone,
      context.registry,
      FrontMatterCache.disabled(),
    );
    if (!entry.article || hasErrors(entry.diagnostics)) return undefined;
    // The edited body is kept in memory: its page is written from it ahead of the next
    // load, which keeps it in the cache.
    const cache = RenderCache.disabled();
    const rendered = await renderArticles([entry.article], {
      linkUrls: context.linkUrls,
      pathPrefix: pathPrefixOf(baseUrl),
      cache,
    });
    const [article] = rendered.articles;
    if (!article || hasErrors(rendered.diagnostics) || !isOwnPageEdit(before, article)) {
      return undefined;
    }
    if (hasErrors(checkArticleLinks([article], context.linkTargets, context.today))) {
      return undefined;
    }
    return {
      news: withEditedArticle(news, article, context.today),
      url: article.url,
      parts: {
        // The edited body from memory, every other from the latest load.
        bodyHtml: (body) =>
          cache.bodies.has(body.key) ? cache.bodies.html(body) : context.bodies.html(body),
        // Only the edited article's page is written ahead: a search for another is rare.
        articleMeta: articleMetaOf(
          (url) =>
            url === article.url
              ? article
              : [...context.articles.values()].find((other) => other.url === url),
          context.settings,
        ),
      },
    };
  }
}
