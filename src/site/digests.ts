import { dayLabel } from "../dates.ts";
import type { Article } from "../markdown/article.ts";
import { compareNames, mentionUrl } from "../taxonomy/term.ts";
import { digestIndexUrl, digestUrl } from "../urls.ts";
import { type Breadcrumbs, digestBreadcrumbs } from "./breadcrumbs.ts";
import { type IsoWeek, isoWeekOf } from "./calendar.ts";
import { groupInOrder } from "./group-in-order.ts";
import { type Pager, pageTitle, paginate } from "./paginate.ts";
import type { EntryOf, ListEntry, PlannedEntry, TermLink } from "./views.ts";

export interface WeekLink {
  url: string;
  /** `Week 22, 2022`. */
  label: string;
  /** `30 May 2022 – 5 June 2022`. */
  range: string;
  count: number;
}

export interface DigestGroup<Entry = ListEntry> {
  company: TermLink;
  /** The company's whole number of articles in the week, on every page that shows it. */
  count: number;
  /** This page's share of the company's articles. */
  entries: Entry[];
  /** The company's articles began on an earlier page of the week. */
  continued: boolean;
}

/** A company's cards of a whole week, before the week is cut into pages. */
type WeekGroup = Omit<DigestGroup<PlannedEntry>, "continued">;

/**
 * One page of a week's digest: its articles grouped by company, `pageSize` cards a page, a
 * company's cards continuing on the next page when the page is full. `count` is the week's
 * whole number of articles, `url` this page's address; a week of a large newsroom holds
 * hundreds of articles, each listed under each of its companies.
 */
export interface DigestPage<Entry = ListEntry> extends WeekLink {
  title: string;
  crumbs: Breadcrumbs;
  groups: DigestGroup<Entry>[];
  pager: Pager;
  /** The week before and after that have articles, at their first page. */
  previous?: WeekLink;
  next?: WeekLink;
}

export interface DigestIndex {
  url: string;
  title: string;
  /** Newest first. */
  weeks: WeekLink[];
}

export interface Digests<Entry = ListEntry> {
  pages: DigestPage<Entry>[];
  index: DigestIndex;
  latest?: WeekLink;
}

function weekLink(week: IsoWeek, count: number, locale: string): WeekLink {
  return {
    url: digestUrl(week.weekYear, week.weekNumber),
    label: `Week ${week.weekNumber}, ${week.weekYear}`,
    range: `${dayLabel(week.firstDay, locale)} – ${dayLabel(week.lastDay, locale)}`,
    count,
  };
}

/**
 * Groups a week's articles by company; an article about two companies is listed under both.
 * Companies with more articles come first, then by name.
 */
function groupsByCompany(
  articles: readonly Article[],
  entryOf: EntryOf,
  companyName: (slug: string, fallback: string) => string,
): WeekGroup[] {
  const bySlug = new Map<string, { company: TermLink; entries: PlannedEntry[] }>();
  for (const article of articles) {
    for (const mention of article.companies) {
      let group = bySlug.get(mention.slug);
      if (!group) {
        const url = mentionUrl("company", mention);
        group = { company: { name: companyName(mention.slug, mention.name), url }, entries: [] };
        bySlug.set(mention.slug, group);
      }
      group.entries.push(entryOf(article, group.company.url));
    }
  }
  return [...bySlug.values()]
    .map((group) => ({ ...group, count: group.entries.length }))
    .sort((a, b) => b.count - a.count || compareNames(a.company.name, b.company.name));
}

/**
 * A week's groups cut into pages of `pageSize` cards: the cards of all groups, in order, are
 * paginated as one list, and each page shows the groups its cards belong to.
 */
function paginateGroups(
  groups: readonly WeekGroup[],
  pageSize: number,
  firstPageUrl: string,
): Array<{ url: string; groups: DigestGroup<PlannedEntry>[]; pager: Pager }> {
  const cards = groups.flatMap((group, index) =>
    group.entries.map((entry, position) => ({ index, position, entry })),
  );
  return paginate(cards, pageSize, firstPageUrl).map((page) => ({
    url: page.url,
    pager: page.pager,
    groups: groupInOrder(page.items, (card) => String(card.index)).map(
      (run): DigestGroup<PlannedEntry> => {
        const group = groups[Number(run.key)] as WeekGroup;
        return {
          company: group.company,
          count: group.count,
          entries: run.items.map((card) => card.entry),
          continued: (run.items[0]?.position ?? 0) > 0,
        };
      },
    ),
  }));
}

/**
 * Weekly digests of public articles, newest first, by the ISO week of each written day,
 * `pageSize` cards a page, planned.
 */
export function buildDigests(
  articles: readonly Article[],
  locale: string,
  siteTitle: string,
  pageSize: number,
  entryOf: EntryOf,
  companyName: (slug: string, fallback: string) => string,
): Digests<PlannedEntry> {
  // Sorted by key too: an offset can make an article's written day disagree with its instant.
  const weeks = groupInOrder(articles, (article) => isoWeekOf(article.date.day).key).sort((a, b) =>
    b.key.localeCompare(a.key),
  );
  const links = weeks.map((week) => {
    const first = week.items[0];
    return weekLink(isoWeekOf(first?.date.day ?? ""), week.items.length, locale);
  });
  const pages = weeks.flatMap((week, index): DigestPage<PlannedEntry>[] => {
    const link = links[index] as WeekLink;
    const previous = links[index + 1];
    const next = links[index - 1];
    const crumbs = digestBreadcrumbs({ name: link.label, url: link.url });
    const groups = groupsByCompany(week.items, entryOf, companyName);
    return paginateGroups(groups, pageSize, link.url).map((page) => ({
      ...link,
      url: page.url,
      title: pageTitle(link.label, page.pager.pageNumber, siteTitle),
      crumbs,
      groups: page.groups,
      pager: page.pager,
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
    }));
  });
  return {
    pages,
    index: { url: digestIndexUrl, title: `Weekly digests | ${siteTitle}`, weeks: links },
    ...(links[0] ? { latest: links[0] } : {}),
  };
}
