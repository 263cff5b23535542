import { directoryByCountUrl, directoryUrl, type TermKind } from "../urls.ts";
import type { TermLink, TermSummary } from "./views.ts";

/** One of the orders a directory is offered in; `current` on the page showing it. */
export interface DirectoryOrder extends TermLink {
  current: boolean;
}

export interface DirectoryPage {
  url: string;
  kind: TermKind;
  title: string;
  groups: Array<{ heading?: TermLink; terms: TermSummary[] }>;
  orders: DirectoryOrder[];
}

/** Most articles first; equal counts keep the order they came in, which is by name. */
function byCount(a: TermSummary, b: TermSummary): number {
  return b.count - a.count;
}

const totalCount = (terms: readonly TermSummary[]) =>
  terms.reduce((sum, term) => sum + term.count, 0);

/**
 * A directory by name and by article count: two static pages linking each other, so readers
 * can sort without JavaScript. `groups` come in name order.
 */
export function directoryOrders(
  kind: TermKind,
  title: string,
  groups: DirectoryPage["groups"],
): DirectoryPage[] {
  const byName = { name: "By name", url: directoryUrl(kind) };
  const byArticles = { name: "By number of articles", url: directoryByCountUrl(kind) };
  const orders = (current: TermLink) =>
    [byName, byArticles].map((order) => ({ ...order, current: order === current }));
  const counted = groups
    .map((group) => ({ ...group, terms: [...group.terms].sort(byCount) }))
    .sort((a, b) => totalCount(b.terms) - totalCount(a.terms));
  return [
    { url: byName.url, kind, title, groups, orders: orders(byName) },
    { url: byArticles.url, kind, title, groups: counted, orders: orders(byArticles) },
  ];
}
