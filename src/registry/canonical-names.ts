import { cleanTermName, termSlug } from "./normalize-term.ts";
import type { Registry } from "./registry.ts";

/** The registry's name for a company or partner written any listed way, else the name tidied. */
export function canonicalOrganizationName(
  registry: Registry,
  kind: "company" | "partner",
  name: string,
): string {
  const written = cleanTermName(name);
  const slug = termSlug(written);
  return (slug && registry.organization(kind, slug)?.name) || written;
}

/**
 * The registry's name for a model of one of `companies`, else the name tidied. Models are
 * looked up within their companies, since two companies may sell models of the same name.
 */
export function canonicalModelName(
  registry: Registry,
  name: string,
  companies: readonly string[],
): string {
  const written = cleanTermName(name);
  const slug = termSlug(written);
  if (!slug) return written;
  const companySlugs = new Set(
    companies.flatMap((company) => {
      const companySlug = termSlug(company);
      if (!companySlug) return [];
      return [registry.organization("company", companySlug)?.slug ?? companySlug];
    }),
  );
  const entity = registry
    .modelsNamed(slug)
    .find((model) => model.companySlug !== undefined && companySlugs.has(model.companySlug));
  return entity?.name ?? written;
}
