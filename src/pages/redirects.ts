import type { Registry } from "../registry/registry.ts";
import { modelSlug, type Term, type TermIndex } from "../taxonomy/build-term-index.ts";
import { termUrl } from "../urls.ts";
import type { TermLink } from "./article-view.ts";

/** An old term URL kept alive after a rename: a page that sends readers to the new one. */
export interface Redirect {
  url: string;
  target: TermLink;
}

/** Pages for former names listed in the registry, unless a current page took the address. */
export function redirectsFor(
  index: TermIndex,
  registry: Registry,
  taken: ReadonlySet<string>,
): Redirect[] {
  const redirects: Redirect[] = [];
  const add = (url: string, target: Term) => {
    if (!taken.has(url)) redirects.push({ url, target: { name: target.name, url: target.url } });
  };
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    const entity = registry.entityFor(term.kind, term.nameSlug, term.company?.slug);
    for (const former of entity?.formerSlugs ?? []) {
      const slug = term.company ? modelSlug(term.company.slug, former) : former;
      add(termUrl(term.kind, slug), term);
    }
  }
  return redirects;
}
