import { archiveIndexUrl, digestIndexUrl, directoryUrl, homeUrl, sourceIndexUrl } from "../urls.ts";
import type { ArticleView, Term, TermLink } from "./views.ts";

/**
 * The trail from the home page to a page, the page itself last: what the breadcrumbs of a
 * page show and what its `BreadcrumbList` says. Each kind of page gets its trail here.
 */
export type Breadcrumbs = TermLink[];

const HOME: TermLink = { name: "Home", url: homeUrl };

/** Home › the article's first company › the article. */
export function articleBreadcrumbs(article: ArticleView): Breadcrumbs {
  const company = article.companies[0];
  return [HOME, ...(company ? [company] : []), { name: article.title, url: article.url }];
}

/** Home › Companies (or Models, Partners) › a model's company › the term. */
export function termBreadcrumbs(term: Term, directoryName: string): Breadcrumbs {
  return [
    HOME,
    { name: directoryName, url: directoryUrl(term.kind) },
    ...(term.company ? [{ name: term.company.name, url: term.company.url }] : []),
    { name: term.name, url: term.url },
  ];
}

/** Home › Weekly digests › the week. */
export function digestBreadcrumbs(week: TermLink): Breadcrumbs {
  return [HOME, { name: "Weekly digests", url: digestIndexUrl }, week];
}

/** Home › Archive › the month. */
export function archiveBreadcrumbs(month: TermLink): Breadcrumbs {
  return [HOME, { name: "Archive", url: archiveIndexUrl }, month];
}

/** Home › Sources › the source. */
export function sourceBreadcrumbs(source: TermLink): Breadcrumbs {
  return [HOME, { name: "Sources", url: sourceIndexUrl }, source];
}
