import { termSlug } from "../registry/normalize-term.ts";
import type { Registry } from "../registry/registry.ts";
import type { Term, TermIndex } from "./term.ts";

/** A Latin reading of a name in another script: `Москвич` → `moskvich`; none for Latin names. */
function transliteration(name: string): string | undefined {
  if (!/[^\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]/u.test(name)) return undefined;
  const slug = termSlug(name);
  return slug && !slug.startsWith("u-") ? slug.replaceAll("-", " ") : undefined;
}

function mentionsOf(term: Term) {
  return term.articles.flatMap((article) => {
    if (term.kind === "company") return article.companies.filter((m) => m.slug === term.slug);
    if (term.kind === "partner") return article.partners.filter((m) => m.slug === term.slug);
    return article.models.filter(
      (m) => m.slug === term.nameSlug && m.company.slug === term.company?.slug,
    );
  });
}

/**
 * Every spelling a reader may type for each term page, by its URL: the name it is shown
 * with, the registry's name and aliases, each spelling its articles use, and a Latin reading
 * of those in other scripts. Search gives them to every article tagged with the term, so
 * `Москвич` and `Moskvich` find the same articles.
 */
export function termSpellings(index: TermIndex, registry: Registry): Record<string, string[]> {
  const spellings: Record<string, string[]> = {};
  for (const term of [...index.companies, ...index.models, ...index.partners]) {
    const entity = registry.entityFor(term.kind, term.nameSlug, term.company?.slug);
    const names = new Set<string>([term.name]);
    if (entity) for (const name of [entity.name, ...entity.aliases]) names.add(name);
    for (const mention of mentionsOf(term)) names.add(mention.written);
    for (const name of [...names]) {
      const latin = transliteration(name);
      if (latin) names.add(latin);
    }
    spellings[term.url] = [...names];
  }
  return spellings;
}
