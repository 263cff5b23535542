import { pageUrl } from "../urls.ts";

export type PagerLink =
  | { kind: "page"; number: number; url: string; isCurrent: boolean }
  /** Pages left out between two numbers: shown as "…". */
  | { kind: "gap" };

/** Numbered links shown either side of the current page; the first and last always show. */
export const PAGER_REACH = 2;

export interface Pager {
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  /** The first, the last and the pages near the current one, with gaps between: never all pages. */
  pages: PagerLink[];
}

export interface Page<T> {
  url: string;
  items: T[];
  pager: Pager;
}

function pagerLinks(urls: readonly string[], current: number): PagerLink[] {
  const last = urls.length;
  const near = Array.from({ length: 2 * PAGER_REACH + 1 }, (_, i) => current - PAGER_REACH + i);
  const numbers = [...new Set([1, ...near, last])]
    .filter((number) => number >= 1 && number <= last)
    .sort((a, b) => a - b);
  const links: PagerLink[] = [];
  let previous = 0;
  for (const number of numbers) {
    if (number > previous + 1) links.push({ kind: "gap" });
    links.push({
      kind: "page",
      number,
      url: urls[number - 1] ?? "",
      isCurrent: number === current,
    });
    previous = number;
  }
  return links;
}

/** The `<title>` of one page of a list: the page number after page 1. */
export function pageTitle(heading: string, pageNumber: number, siteTitle: string): string {
  const page = pageNumber > 1 ? ` — page ${pageNumber}` : "";
  return `${heading}${page} | ${siteTitle}`;
}

/**
 * Splits a list into pages of `pageSize`: page 1 at `firstPageUrl`, page N at `…/page/N/`.
 * An empty list still has one (empty) page, so its URL always exists.
 */
export function paginate<T>(
  items: readonly T[],
  pageSize: number,
  firstPageUrl: string,
): Page<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const urls = Array.from({ length: pageCount }, (_, index) => pageUrl(firstPageUrl, index + 1));
  return urls.map((url, index) => {
    const pageNumber = index + 1;
    const previousUrl = urls[index - 1];
    const nextUrl = urls[index + 1];
    return {
      url,
      items: items.slice(index * pageSize, pageNumber * pageSize),
      pager: {
        pageNumber,
        pageCount,
        ...(previousUrl ? { previousUrl } : {}),
        ...(nextUrl ? { nextUrl } : {}),
        pages: pagerLinks(urls, pageNumber),
      },
    };
  });
}
