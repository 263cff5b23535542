import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import { cleanTermName, termSlug } from "../registry/normalize-term.ts";
import type { Registry } from "../registry/registry.ts";
import { likelyMeant, NAME_POLICY, unknownTermDiagnostic } from "../registry/unknown-term.ts";
import { RESERVED_TERM_SLUGS, type TermKind } from "../urls.ts";
import { isWrittenAsList, placeIn, type YamlPlaces } from "../yaml/locate-in-yaml.ts";
import type { Mentions, ModelMention, PartnerMention, TermMention } from "./article.ts";
import type { ArticleFrontMatter } from "./article-schema.ts";

/**
 * Turns the names an article lists into term mentions: tidied, given their slug, each with
 * its place; a name with no letter or digit, or listed twice, is reported. Each model is
 * tied to its company: the one the entry names, the one the registry files it under, or
 * the article's only company. Registered spellings resolve to the registry's entity.
 */
export function resolveMentions(
  data: ArticleFrontMatter,
  places: YamlPlaces,
  file: string,
  registry: Registry,
): { mentions: Mentions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reportAt = (
    place: Place,
    ruleId: string,
    message: string,
    fix: string,
    severity: Diagnostic["severity"] = "error",
  ) => {
    diagnostics.push({ file, ...place, severity, ruleId, message, fix });
  };
  const report = (
    path: readonly PropertyKey[],
    ruleId: string,
    message: string,
    fix: string,
    severity: Diagnostic["severity"] = "error",
  ) => reportAt(placeIn(places, path), ruleId, message, fix, severity);

  /** Reads one listed name, or reports why it cannot be a term. */
  const mention = (
    kind: TermKind,
    name: string,
    path: readonly PropertyKey[],
  ): TermMention | undefined => {
    const written = cleanTermName(name);
    const slug = termSlug(written);
    if (slug === undefined) {
      report(
        path,
        "empty-term",
        `the ${kind} "${name}" has no letter or digit, so it cannot have a page`,
        `write the ${kind}'s name, or remove the entry`,
      );
      return undefined;
    }
    if (kind !== "model" && RESERVED_TERM_SLUGS.has(slug)) {
      report(
        path,
        "reserved-term-name",
        `the ${kind} "${name}" would have the address of a directory page`,
        `write the ${kind}'s full name (e.g. with its country or legal form)`,
      );
      return undefined;
    }
    const place = placeIn(places, path);
    // Models are resolved once their company is known (see `registeredModel`).
    if (kind === "model") return { name: written, written, slug, registered: false, place };
    const entity = registry.organization(kind, slug);
    const suggestion = entity
      ? undefined
      : likelyMeant(written, registry.spellings(kind), NAME_POLICY[kind]);
    // A likely typo of a registered name: say so, rather than errors that follow from it. A
    // near name that is only worth a warning is kept, and reported once by `checkTerms`.
    if (suggestion?.severity === "error") {
      diagnostics.push(unknownTermDiagnostic(kind, written, suggestion, { file, ...place }));
      return undefined;
    }
    return entity
      ? { name: entity.name, written, slug: entity.slug, registered: true, place }
      : { name: written, written, slug, registered: false, place };
  };

  /** A model entry resolved against the registry, given the company it is filed under. */
  const registeredModel = (model: TermMention, company: TermMention): TermMention => {
    const entity = registry
      .modelsNamed(model.slug)
      .find((candidate) => candidate.companySlug === company.slug);
    return entity ? { ...model, name: entity.name, slug: entity.slug, registered: true } : model;
  };

  /** Reports a model the registry files under another company than this article says. */
  const isFiledElsewhere = (
    model: TermMention,
    company: TermMention,
    path: readonly PropertyKey[],
  ): boolean => {
    const filed = registry.modelsNamed(model.slug);
    if (filed.length === 0 || filed.some((entity) => entity.companySlug === company.slug)) {
      return false;
    }
    const owners = filed
      .map((entity) => {
        const slug = entity.companySlug ?? "";
        return `"${registry.organization("company", slug)?.name ?? slug}"`;
      })
      .join(", ");
    report(
      path,
      "model-wrong-company",
      `the registry files the model "${model.written}" under ${owners}, not under "${company.name}"`,
      "correct the company, or fix the model's entry in content/registry/models.yaml",
    );
    return true;
  };

  /**
   * Keeps the first of each term; a second listing is a slip worth a warning, told at that
   * entry's own place (entries dropped before, such as a name without letters, do not shift it).
   */
  const unique = <T extends TermMention>(
    kind: string,
    items: T[],
    identity: (item: T) => string = (item) => item.slug,
  ): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = identity(item);
      if (!seen.has(key)) {
        seen.add(key);
        return true;
      }
      reportAt(
        item.place,
        "duplicate-term",
        `the ${kind} "${item.name}" is listed twice`,
        "remove the second entry",
        "warning",
      );
      return false;
    });
  };

  const listPath = (field: string, index: number) =>
    isWrittenAsList(places, field) ? [field, index] : [field];

  const companies = unique(
    "company",
    data.company.flatMap(
      (name, index) => mention("company", name, listPath("company", index)) ?? [],
    ),
  );

  /** The company a `{ name, company }` model entry names; it must be one of the article's. */
  const ownerNamedBy = (name: string, path: readonly PropertyKey[]): TermMention | undefined => {
    const owner = mention("company", name, path);
    if (!owner) return undefined;
    const listed = companies.find((company) => company.slug === owner.slug);
    if (!listed) {
      report(
        path,
        "model-company-not-listed",
        `the model's company "${owner.written}" is not in this article's company list`,
        `add "${owner.name}" to company, or correct the model's company`,
      );
    }
    return listed;
  };

  /** The company of a plain model name: the only one, or the one the registry files it under. */
  const ownerOf = (model: TermMention): TermMention | undefined => {
    if (companies.length === 1) return companies[0];
    const filedUnder = new Set(
      registry.modelsNamed(model.slug).map((entity) => entity.companySlug),
    );
    const candidates = companies.filter((company) => filedUnder.has(company.slug));
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  const models: ModelMention[] = [];
  data.models.forEach((entry, index) => {
    const path = listPath("models", index);
    const isObject = typeof entry !== "string";
    const namePath = isObject ? [...path, "name"] : path;
    const model = mention("model", isObject ? entry.name : entry, namePath);
    if (!model) return;
    const company = isObject ? ownerNamedBy(entry.company, [...path, "company"]) : ownerOf(model);
    if (!company) {
      if (!isObject && companies.length > 1) {
        report(
          path,
          "model-company-ambiguous",
          `the article names several companies, so it is unclear whose model "${model.written}" is`,
          `write it as \`- { name: ${model.written}, company: ${companies[0]?.name} }\``,
        );
      }
      return;
    }
    if (isFiledElsewhere(model, company, namePath)) return;
    models.push({ ...registeredModel(model, company), company });
  });

  const partners = data.partners.flatMap((entry, index): PartnerMention[] => {
    const path = listPath("partners", index);
    const isObject = typeof entry !== "string";
    const partner = mention(
      "partner",
      isObject ? entry.name : entry,
      isObject ? [...path, "name"] : path,
    );
    return partner ? [{ ...partner, status: isObject ? entry.status : "mentioned" }] : [];
  });

  return {
    mentions: {
      companies,
      models: unique("model", models, (model) => `${model.company.slug}/${model.slug}`),
      partners: unique("partner", partners),
    },
    diagnostics,
  };
}
