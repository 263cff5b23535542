import { dayLabel } from "../dates.ts";
import type { Article } from "../markdown/article.ts";
import { mentionUrl } from "../taxonomy/term.ts";
import { digestIndexUrl, digestUrl } from "../urls.ts";
import { cardTermsWithout } from "./article-view.ts";
import { type Breadcrumbs, digestBreadcrumbs } from "./breadcrumbs.ts";
import { type IsoWeek, isoWeekOf } from "./calendar.ts";
import { groupInOrder } from "./group-in-order.ts";
import type { ArticleView, ListEntry, TermLink } from "./views.ts";

export interface WeekLink {
  url: string;
  /** `Week 22, 2022`. */
  label: string;
  /** `30 May 2022 – 5 June 2022`. */
  range: string;
  count: number;
}

export interface DigestGroup {
  company: TermLink;
  count: number;
  entries: ListEntry[];
}

/** One week's digest: its articles grouped by company, with the neighbouring weeks. */
export interface DigestPage extends WeekLink {
  title: string;
  crumbs: Breadcrumbs;
  groups: DigestGroup[];
  /** The week before and after that have articles. */
  previous?: WeekLink;
  next?: WeekLink;
}

export interface DigestIndex {
  url: string;
  title: string;
  /** Newest first. */
  weeks: WeekLink[];
}

export interface Digests {
  pages: DigestPage[];
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
  viewOf: (article: Article) => ArticleView,
  companyName: (slug: string, fallback: string) => string,
): DigestGroup[] {
  const bySlug = new Map<string, { company: TermLink; entries: ListEntry[] }>();
  for (const article of articles) {
    for (const mention of article.companies) {
      let group = bySlug.get(mention.slug);
      if (!group) {
        const url = mentionUrl("company", mention);
        group = { company: { name: companyName(mention.slug, mention.name), url }, entries: [] };
        bySlug.set(mention.slug, group);
      }
      const view = viewOf(article);
      group.entries.push({ article: view, terms: cardTermsWithout(view, group.company.url) });
    }
  }
  return [...bySlug.values()]
    .map((group) => ({ ...group, count: group.entries.length }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.company.name.localeCompare(b.company.name, "en", { sensitivity: "base" }),
    );
}

/** Weekly digests of public articles, newest first, by the ISO week of each written day. */
export function buildDigests(
  articles: readonly Article[],
  locale: string,
  siteTitle: string,
  viewOf: (article: Article) => ArticleView,
  companyName: (slug: string, fallback: string) => string,
): Digests {
  // Sorted by key too: an offset can make an article's written day disagree with its instant.
  const weeks = groupInOrder(articles, (article) => isoWeekOf(article.date.day).key).sort((a, b) =>
    b.key.localeCompare(a.key),
  );
  const links = weeks.map((week) => {
    const first = week.items[0];
    return weekLink(isoWeekOf(first?.date.day ?? ""), week.items.length, locale);
  });
  const pages = weeks.map((week, index): DigestPage => {
    const link = links[index] as WeekLink;
    const previous = links[index + 1];
    const next = links[index - 1];
    return {
      ...link,
      title: `${link.label} | ${siteTitle}`,
      crumbs: digestBreadcrumbs({ name: link.label, url: link.url }),
      groups: groupsByCompany(week.items, viewOf, companyName),
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
    };
  });
  return {
    pages,
    index: { url: digestIndexUrl, title: `Weekly digests | ${siteTitle}`, weeks: links },
    ...(links[0] ? { latest: links[0] } : {}),
  };
}
