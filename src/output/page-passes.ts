import type { News } from "../site/news.ts";
import { type ListItem, PAGE_LISTS, type PageList } from "../site/page-lists.ts";

/**
 * Eleventy keeps every page it renders, with its data, until its run ends. Pages are
 * therefore written in passes of at most this many list items each, so memory stays flat
 * however large the site grows.
 */
export const PAGES_PER_PASS = 2500;

/**
 * Below this many list items to write, a second thread costs more (its own Eleventy set-up
 * and a copy of the pass's data) than it saves: tests and small edits write in one pass.
 */
export const PARALLEL_PASSES_FROM = 600;

/** One Eleventy run: the site's data narrowed to the pages this run writes. */
export interface PagePass {
  news: News;
  /** List items this pass writes (the last pass writes the site's single pages too). */
  pages: number;
}

export interface PassPlan {
  /** List items a pass writes at most; `PAGES_PER_PASS` by default. */
  pagesPerPass?: number;
  /** Threads that will write passes at once; 1 by default. */
  threads?: number;
  /** From how many list items to write the passes are cut for the threads. */
  parallelFrom?: number;
}

interface Selected {
  list: PageList;
  item: ListItem;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/**
 * The site's data with every list narrowed to the selected items. Single pages (search,
 * robots, indexes…) are written by every pass; only the last pass sees the full sitemaps and
 * head metadata, so earlier passes write single pages from narrowed data and the last one
 * writes them whole. Nothing that grows with the site is handed to every pass: the passes
 * grow with it too.
 */
function narrowed(news: News, selected: readonly Selected[], last: boolean): News {
  let result = news;
  for (const list of PAGE_LISTS) {
    const items = selected.filter((entry) => entry.list === list).map((entry) => entry.item);
    result = list.withItems(result, items);
  }
  if (last) return result;
  const pageMeta: News["pageMeta"] = {};
  for (const { list, item } of selected) {
    for (const url of list.urlsOf(item)) {
      const meta = news.pageMeta[url];
      if (meta) pageMeta[url] = meta;
    }
  }
  const { sitemaps } = news;
  return {
    ...result,
    pageMeta,
    sitemaps: { ...sitemaps, entries: [], news: { ...sitemaps.news, entries: [] } },
  };
}

/**
 * Splits the writing of a site into passes over the lists' pages, and writes the single
 * pages from the full data last. An item whose files are all in `reused` is already in place
 * and is not written again. With several `threads` and enough to write, the lists are cut
 * into at least one pass per thread, all written at once, and the last pass writes only the
 * single pages, once the others are done.
 */
export function planPagePasses(
  news: News,
  reused: ReadonlySet<string>,
  {
    pagesPerPass = PAGES_PER_PASS,
    threads = 1,
    parallelFrom = PARALLEL_PASSES_FROM,
  }: PassPlan = {},
): PagePass[] {
  const toWrite = PAGE_LISTS.flatMap((list) =>
    list
      .items(news)
      .flatMap((item) =>
        list.urlsOf(item).every((url) => reused.has(url)) ? [] : [{ list, item }],
      ),
  );
  const pass = (chunk: readonly Selected[], isLast: boolean): PagePass => ({
    news: narrowed(news, chunk, isLast),
    pages: chunk.length,
  });
  if (threads > 1 && toWrite.length >= parallelFrom) {
    const size = Math.min(pagesPerPass, Math.ceil(toWrite.length / threads));
    return [...chunks(toWrite, size).map((chunk) => pass(chunk, false)), pass([], true)];
  }
  const passes = chunks(toWrite, pagesPerPass);
  const last = passes.pop() ?? [];
  return [...passes.map((chunk) => pass(chunk, false)), pass(last, true)];
}
