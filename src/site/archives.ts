import type { Article } from "../markdown/article.ts";
import { archiveIndexUrl, archiveUrl } from "../urls.ts";
import { archiveBreadcrumbs, type Breadcrumbs } from "./breadcrumbs.ts";
import { monthLabel, monthOf } from "./calendar.ts";
import { groupInOrder } from "./group-in-order.ts";
import { type Pager, pageTitle, paginate } from "./paginate.ts";
import type { EntryOf, ListEntry, PlannedEntry } from "./views.ts";

export interface MonthLink {
  url: string;
  /** `June 2022`. */
  label: string;
  count: number;
}

/**
 * One page of the articles of one calendar month, newest first: `count` is the month's whole
 * number of articles, `url` this page's address. A month of a large newsroom holds thousands.
 */
export interface ArchivePage<Entry = ListEntry> extends MonthLink {
  title: string;
  crumbs: Breadcrumbs;
  entries: Entry[];
  pager: Pager;
  /** The month before and after that have articles, at their first page. */
  previous?: MonthLink;
  next?: MonthLink;
}

export interface ArchiveIndex {
  url: string;
  title: string;
  /** Newest year first; each year's months newest first. */
  years: Array<{ year: number; count: number; months: MonthLink[] }>;
}

export interface Archives<Entry = ListEntry> {
  pages: ArchivePage<Entry>[];
  index: ArchiveIndex;
}

/**
 * Monthly archive pages of public articles, by the month of each written day, `pageSize`
 * articles a page, planned.
 */
export function buildArchives(
  articles: readonly Article[],
  locale: string,
  siteTitle: string,
  pageSize: number,
  entryOf: EntryOf,
): Archives<PlannedEntry> {
  const months = groupInOrder(articles, (article) => monthOf(article.date.day).key).sort((a, b) =>
    b.key.localeCompare(a.key),
  );
  const calendarMonths = months.map((run) => monthOf(`${run.key}-01`));
  const links = months.map((run, index): MonthLink => {
    const month = calendarMonths[index] ?? monthOf(`${run.key}-01`);
    return {
      url: archiveUrl(month.year, month.month),
      label: monthLabel(month, locale),
      count: run.items.length,
    };
  });
  const pages = months.flatMap((run, index): ArchivePage<PlannedEntry>[] => {
    const link = links[index] as MonthLink;
    const previous = links[index + 1];
    const next = links[index - 1];
    const crumbs = archiveBreadcrumbs({ name: link.label, url: link.url });
    return paginate(run.items, pageSize, link.url).map((page) => ({
      ...link,
      url: page.url,
      title: pageTitle(link.label, page.pager.pageNumber, siteTitle),
      crumbs,
      entries: page.items.map((article) => entryOf(article)),
      pager: page.pager,
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
    }));
  });
  const byYear = groupInOrder(
    links.map((link, index) => ({ link, year: calendarMonths[index]?.year ?? 0 })),
    (item) => String(item.year),
  );
  const years = byYear.map((run) => ({
    year: Number(run.key),
    count: run.items.reduce((total, item) => total + item.link.count, 0),
    months: run.items.map((item) => item.link),
  }));
  return {
    pages,
    index: { url: archiveIndexUrl, title: `Archive | ${siteTitle}`, years },
  };
}
