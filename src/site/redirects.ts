import type { RegisteredEntity, Registry } from "../registry/registry.ts";
import { modelSlug } from "../taxonomy/term.ts";
import { termUrl } from "../urls.ts";
import type { Term, TermIndex, TermLink } from "./views.ts";

/** An old term URL kept alive after a rename: a page that sends readers to the new one. */
export interface Redirect {
  url: string;
  target: TermLink;
}

/** A former name the registry lists for a term that has a page: the address it used to have. */
export interface FormerAddress {
  url: string;
  target: Term;
  /** The registry entry that lists the former name, for messages. */
  entity: RegisteredEntity;
}

/** Every former address of every term with a page, in index order. */
export function formerAddresses(index: TermIndex, registry: Registry): FormerAddress[] {
  const addresses: FormerAddress[] = [];
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    const entity = registry.entityFor(term.kind, term.nameSlug, term.company?.slug);
    if (!entity) continue;
    for (const former of entity.formerSlugs) {
      const slug = term.company ? modelSlug(term.company.slug, former) : former;
      addresses.push({ url: termUrl(term.kind, slug), target: term, entity });
    }
  }
  return addresses;
}

/**
 * Pages for former names listed in the registry. An address a current page has, or an
 * earlier former name took, cannot redirect: `claimUrls` tells the editor which.
 */
export function redirectsFor(
  index: TermIndex,
  registry: Registry,
  taken: ReadonlySet<string>,
): Redirect[] {
  const redirects = new Map<string, Redirect>();
  for (const { url, target } of formerAddresses(index, registry)) {
    if (taken.has(url) || redirects.has(url)) continue;
    redirects.set(url, { url, target: { name: target.name, url: target.url } });
  }
  return [...redirects.values()];
}
