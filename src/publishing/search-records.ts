import { Parser } from "htmlparser2";
import type { News } from "../pages/site-data.ts";

/** What search knows of one article: Pagefind's custom record. */
export interface SearchRecord {
  url: string;
  /** The article's text, without markup. */
  content: string;
  language: string;
  meta: { title: string };
  /** Company, model and partner names, for the search page's filters; empty kinds left out. */
  filters: Record<string, string[]>;
}

/** Elements whose end separates words that the markup alone keeps apart. */
const BLOCKS = new Set([
  "p",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "td",
  "th",
  "br",
  "hr",
]);

/** The text a reader sees in a sanitized body, entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext: (text) => parts.push(text),
      onclosetag: (name) => {
        if (BLOCKS.has(name)) parts.push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/**
 * One record per published article, from the site's data rather than its pages, so search
 * is indexed while the pages are being written. Filters carry the names the article's tags
 * show.
 */
export function searchRecords(news: News): SearchRecord[] {
  return news.articles.map((article) => {
    const filters: Record<string, string[]> = {};
    const kinds = [
      ["company", article.companies],
      ["model", article.models],
      ["partner", article.partners],
    ] as const;
    for (const [kind, terms] of kinds) {
      if (terms.length > 0) filters[kind] = terms.map((term) => term.name);
    }
    return {
      url: article.url,
      content: plainText(article.html),
      language: news.site.language,
      meta: { title: article.title },
      filters,
    };
  });
}
