import { escapeUTF8 } from "entities";
import type { Article } from "../markdown/article.ts";
import type { BodyHtml, BodyRef } from "../markdown/body.ts";
import type { Registry } from "../registry/registry.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { mentionUrl, type TermIndex, termNames } from "../taxonomy/term.ts";
import { termSpellings } from "../taxonomy/term-spellings.ts";

/**
 * What search knows of one article: a small HTML document that Pagefind indexes, as plain
 * data (it goes to the search worker), with the body by reference: it is read only for the
 * shards a build indexes (`recordHtml`).
 */
export interface SearchRecord {
  url: string;
  /** The document up to the body. */
  head: string;
  body: BodyRef;
  /** The document after the body. */
  tail: string;
}

/** The document Pagefind indexes for a record. */
export function recordHtml(record: SearchRecord, bodyHtml: BodyHtml): string {
  return [record.head, bodyHtml(record.body), record.tail].join("\n");
}

/** Pagefind's weight for a heading is 7 and for text 1: a tag outranks even the headline. */
const TAG_WEIGHT = 10;

const KINDS = [
  ["company", "companies"],
  ["model", "models"],
  ["partner", "partners"],
] as const;

/** What search is indexed from: the loaded content, before the site's data is computed. */
export interface SearchInput {
  settings: Pick<SiteSettings, "language">;
  registry: Registry;
  /** The articles the site shows, rendered. */
  articles: readonly Article[];
  index: TermIndex;
}

/**
 * One record per article the site shows, from the loaded content rather than the pages, so
 * search is indexed while the site's data is computed and its pages are written. The record
 * holds the headline (also the result's title), the sanitized body, filters by the names the
 * article's tags show on its page, and, weighted above all, every spelling of those tags
 * (aliases and both scripts included): an article tagged with a name ranks above one that
 * only mentions it, and is found by a spelling its text never uses.
 */
export function searchRecords({
  settings,
  registry,
  articles,
  index,
}: SearchInput): SearchRecord[] {
  const language = escapeUTF8(settings.language);
  const names = termNames(index);
  const spellingsOf = termSpellings(index, registry);
  return articles.map((article) => {
    const filters: string[] = [];
    const spellings = new Set<string>();
    for (const [kind, field] of KINDS) {
      for (const mention of article[field]) {
        const url = mentionUrl(kind, mention);
        const name = names.get(url) ?? mention.name;
        filters.push(`<span data-pagefind-filter="${kind}">${escapeUTF8(name)}</span>`);
        for (const spelling of spellingsOf[url] ?? [name]) spellings.add(spelling);
      }
    }
    return {
      url: article.url,
      head: [
        `<html lang="${language}"><body>`,
        `<h1 data-pagefind-meta="title">${escapeUTF8(article.title)}</h1>`,
      ].join("\n"),
      body: { key: article.body.key, digest: article.body.digest },
      tail: [
        `<p data-pagefind-weight="${TAG_WEIGHT}">${[...spellings].map(escapeUTF8).join(" · ")}</p>`,
        `<div data-pagefind-ignore>${filters.join("")}</div>`,
        "</body></html>",
      ].join("\n"),
    };
  });
}
