import type { Mentions, TermMention } from "../content/article.ts";
import type { Registry } from "../registry/registry.ts";
import type { TermKind } from "../urls.ts";
import { mentionUrl } from "./term.ts";

/** Each name an article lists, with the page it means: its own reading of every name. */
export function ownTermUrls(mentions: Mentions): Map<string, string> {
  const urls = new Map<string, string>();
  const add = (names: readonly string[], url: string) => {
    for (const name of names) urls.set(name, url);
  };
  // Later kinds do not replace earlier ones: a name that is both a company and a partner
  // links to the company page, the one the article is filed under.
  for (const partner of mentions.partners) {
    add([partner.name, partner.written], mentionUrl("partner", partner));
  }
  for (const model of mentions.models) {
    add([model.name, model.written], mentionUrl("model", model));
  }
  for (const company of mentions.companies) {
    add([company.name, company.written], mentionUrl("company", company));
  }
  return urls;
}

/**
 * The names that link to a page in one build: every spelling the build's articles use for
 * their companies, models and partners, and the registry's name and aliases of each. Terms
 * no article of the build names have no page, so they get no name. One pass over the
 * articles' mentions; a name two pages share goes to the first: companies, then models,
 * then partners.
 */
export function termLinkNames(
  articles: Iterable<Mentions>,
  registry: Registry,
): Map<string, string> {
  const urls = new Map<string, string>();
  const add = (names: readonly string[], url: string) => {
    for (const name of names) if (!urls.has(name)) urls.set(name, url);
  };
  const list = [...articles];
  /** The names a mention is written by, plus every alias its registry entry lists. */
  const namesOf = (kind: TermKind, mention: TermMention, companySlug?: string) => [
    mention.name,
    mention.written,
    ...(registry.entityFor(kind, mention.slug, companySlug)?.aliases ?? []),
  ];
  for (const mentions of list) {
    for (const company of mentions.companies) {
      add(namesOf("company", company), mentionUrl("company", company));
    }
  }
  for (const mentions of list) {
    for (const model of mentions.models) {
      add(namesOf("model", model, model.company.slug), mentionUrl("model", model));
    }
  }
  for (const mentions of list) {
    for (const partner of mentions.partners) {
      add(namesOf("partner", partner), mentionUrl("partner", partner));
    }
  }
  return urls;
}
