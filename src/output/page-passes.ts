import type { AnySiteModel, News, SiteToWrite } from "../site/news.ts";
import { type ListItem, PAGE_LISTS, type PageList } from "../site/page-lists.ts";

/**
 * Eleventy keeps every page it renders, with its data, until its run ends. Pages are
 * therefore written in passes of at most this many list items each, so memory stays flat
 * however large the site grows.
 */
export const PAGES_PER_PASS = 2500;

/**
 * A pass written on a worker thread is smaller: each thread holds its own copy of its pass's
 * data and its own Eleventy, and both threads hold theirs at once beside the build's main
 * thread. A pass of this many term pages stays within the thread's heap limit
 * (`PAGE_THREAD_HEAP_MIB`, in `write-passes.ts`); 2,500 did not.
 */
export const PAGES_PER_THREAD_PASS = 1000;

/**
 * Below this many list items to write, a second thread costs more (its own Eleventy set-up
 * and a copy of the pass's data) than it saves: tests and small edits write in one pass.
 */
export const PARALLEL_PASSES_FROM = 600;

/** One Eleventy run: the site's data narrowed to the pages this run writes. */
export interface PagePass {
  news: News;
  /** List items this pass writes. */
  pages: number;
  /**
   * Whether this pass writes the single pages (search, sitemaps, indexes, the directories,
   * the assets…): only the last pass does, from the full data, unless they are kept.
   */
  singlePages: boolean;
}

export interface PassPlan {
  /**
   * List items a pass writes at most; by default `PAGES_PER_PASS`, or `PAGES_PER_THREAD_PASS`
   * when the passes are cut for several threads.
   */
  pagesPerPass?: number;
  /** Threads that will write passes at once; 1 by default. */
  threads?: number;
  /** From how many list items to write the passes are cut for the threads. */
  parallelFrom?: number;
  /** The single pages are kept from the previous build: no pass writes them. */
  keepSinglePages?: boolean;
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
 * The site's data with every list, and the head metadata of list pages, narrowed to the
 * selected items. Only the last pass sees the full sitemaps: it writes the single pages,
 * which read them. Nothing that grows with the site is handed to every pass: the passes
 * grow with it too.
 */
function narrowed<Model extends AnySiteModel>(
  news: Model,
  selected: readonly Selected[],
  last: boolean,
): Model {
  let result = news;
  for (const list of PAGE_LISTS) {
    const items = selected.filter((entry) => entry.list === list).map((entry) => entry.item);
    result = list.withItems(result, items);
  }
  const meta: Record<string, unknown> = {};
  for (const { list, item } of selected) {
    for (const url of list.urlsOf(item)) {
      if (url in news.pageMeta) meta[url] = news.pageMeta[url];
    }
  }
  const pageMeta = meta as Model["pageMeta"];
  if (last) return { ...result, pageMeta };
  const { sitemaps } = news;
  return {
    ...result,
    pageMeta,
    sitemaps: { ...sitemaps, entries: [], news: { ...sitemaps.news, entries: [] } },
  };
}

/**
 * Splits the writing of a site into passes over the lists' pages, and writes the single
 * pages, with the lists whose pages read too much of the site to have a fingerprint
 * (directories, redirects), from the full data last. An item whose files are all in
 * `reused` is already in place and is not written again; with `keepSinglePages`, neither
 * are the single pages, and a build with nothing else to write has no pass at all. With
 * several `threads` and enough to write, the lists are cut into at least one pass per thread,
 * all written at once, and the last pass writes only the single pages, once the others are
 * done. Each pass's pages are made (`SiteToWrite.make`) from the plan as it is planned.
 */
export function planPagePasses<Model extends AnySiteModel>(
  site: SiteToWrite<Model>,
  reused: ReadonlySet<string>,
  {
    pagesPerPass,
    threads = 1,
    parallelFrom = PARALLEL_PASSES_FROM,
    keepSinglePages = false,
  }: PassPlan = {},
): PagePass[] {
  const news = site.plan;
  const toWrite = PAGE_LISTS.filter((list) => list.reads).flatMap((list) =>
    list
      .items(news)
      .flatMap((item) =>
        list.urlsOf(item).every((url) => reused.has(url)) ? [] : [{ list, item }],
      ),
  );
  const withSinglePages = PAGE_LISTS.filter((list) => !list.reads).flatMap((list) =>
    list.items(news).map((item) => ({ list, item })),
  );
  const pass = (chunk: readonly Selected[], singlePages: boolean): PagePass => ({
    news: site.make(
      narrowed(news, singlePages ? [...chunk, ...withSinglePages] : chunk, singlePages),
    ),
    pages: chunk.length + (singlePages ? withSinglePages.length : 0),
    singlePages,
  });
  const parallel = threads > 1 && toWrite.length >= parallelFrom;
  const size = parallel
    ? Math.min(pagesPerPass ?? PAGES_PER_THREAD_PASS, Math.ceil(toWrite.length / threads))
    : (pagesPerPass ?? PAGES_PER_PASS);
  const passes = chunks(toWrite, size);
  if (keepSinglePages) return passes.map((chunk) => pass(chunk, false));
  if (parallel) return [...passes.map((chunk) => pass(chunk, false)), pass([], true)];
  const last = passes.pop() ?? [];
  return [...passes.map((chunk) => pass(chunk, false)), pass(last, true)];
}
