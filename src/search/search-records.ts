import { escapeUTF8 } from "entities";
import type { News } from "../site/news.ts";

/** What search knows of one article: a small HTML document that Pagefind indexes. */
export interface SearchRecord {
  url: string;
  html: string;
}

/** Pagefind's weight for a heading is 7 and for text 1: a tag outranks even the headline. */
const TAG_WEIGHT = 10;

const KINDS = [
  ["company", "companies"],
  ["model", "models"],
  ["partner", "partners"],
] as const;

/**
 * One record per published article, from the site's data rather than its pages, so search
 * is indexed while the pages are being written. The record holds the headline (also the
 * result's title), the sanitized body, filters by the names the article's tags show, and,
 * weighted above all, every spelling of those tags (aliases and both scripts included): an
 * article tagged with a name ranks above one that only mentions it, and is found by a
 * spelling its text never uses.
 */
export function searchRecords(news: News): SearchRecord[] {
  const language = escapeUTF8(news.site.language);
  return news.articles.map((article) => {
    const filters: string[] = [];
    const spellings = new Set<string>();
    for (const [kind, field] of KINDS) {
      for (const term of article[field]) {
        filters.push(`<span data-pagefind-filter="${kind}">${escapeUTF8(term.name)}</span>`);
        for (const spelling of news.termSpellings[term.url] ?? [term.name]) spellings.add(spelling);
      }
    }
    const html = [
      `<html lang="${language}"><body>`,
      `<h1 data-pagefind-meta="title">${escapeUTF8(article.title)}</h1>`,
      article.html,
      `<p data-pagefind-weight="${TAG_WEIGHT}">${[...spellings].map(escapeUTF8).join(" · ")}</p>`,
      `<div data-pagefind-ignore>${filters.join("")}</div>`,
      "</body></html>",
    ].join("\n");
    return { url: article.url, html };
  });
}
