import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { cleanTermName, termSlug } from "../taxonomy/normalize-term.ts";
import type { ModelMention, PartnerMention, TermMention } from "./article.ts";
import type { ArticleFrontMatter } from "./article-schema.ts";
import { locateInYaml } from "./locate-in-yaml.ts";
import type { FrontMatter } from "./parse-front-matter.ts";

export interface Mentions {
  companies: TermMention[];
  models: ModelMention[];
  partners: PartnerMention[];
}

/**
 * Turns the names an article lists into term mentions: tidied, given their slug, each with
 * its place; a name with no letter or digit, or listed twice, is reported. Each model is
 * tied to its company: the article's only company, or the one the entry names.
 */
export function resolveMentions(
  data: ArticleFrontMatter,
  frontMatter: FrontMatter,
  file: string,
): { mentions: Mentions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (
    path: readonly PropertyKey[],
    ruleId: string,
    message: string,
    fix: string,
    severity: Diagnostic["severity"] = "error",
  ) => {
    const place = locateInYaml(frontMatter.document, frontMatter.lineCounter, path);
    diagnostics.push({ file, ...place, severity, ruleId, message, fix });
  };

  /** Reads one listed name, or reports why it cannot be a term. */
  const mention = (
    kind: string,
    name: string,
    path: readonly PropertyKey[],
  ): TermMention | undefined => {
    const cleaned = cleanTermName(name);
    const slug = termSlug(cleaned);
    if (slug === undefined) {
      report(
        path,
        "empty-term",
        `the ${kind} "${name}" has no letter or digit, so it cannot have a page`,
        `write the ${kind}'s name, or remove the entry`,
      );
      return undefined;
    }
    const place = locateInYaml(frontMatter.document, frontMatter.lineCounter, path);
    return { name: cleaned, slug, place };
  };

  /** Keeps the first of each term; a second listing is a slip worth a warning. */
  const unique = <T extends TermMention>(
    kind: string,
    field: string,
    items: T[],
    identity: (item: T) => string = (item) => item.slug,
  ): T[] => {
    const seen = new Set<string>();
    return items.filter((item, index) => {
      const key = identity(item);
      if (!seen.has(key)) {
        seen.add(key);
        return true;
      }
      report(
        [field, index],
        "duplicate-term",
        `the ${kind} "${item.name}" is listed twice`,
        "remove the second entry",
        "warning",
      );
      return false;
    });
  };

  const listPath = (field: string, raw: unknown, index: number) =>
    Array.isArray(raw) ? [field, index] : [field];
  const rawData = (frontMatter.data ?? {}) as Record<string, unknown>;

  const companies = unique(
    "company",
    "company",
    data.company.flatMap(
      (name, index) => mention("company", name, listPath("company", rawData.company, index)) ?? [],
    ),
  );

  const models: ModelMention[] = [];
  data.models.forEach((entry, index) => {
    const path = listPath("models", rawData.models, index);
    const isObject = typeof entry !== "string";
    const model = mention(
      "model",
      isObject ? entry.name : entry,
      isObject ? [...path, "name"] : path,
    );
    if (!model) return;
    if (isObject) {
      const owner = mention("company", entry.company, [...path, "company"]);
      if (!owner) return;
      const listed = companies.find((company) => company.slug === owner.slug);
      if (!listed) {
        report(
          [...path, "company"],
          "model-company-not-listed",
          `the model "${model.name}" belongs to "${owner.name}", which is not in this article's company list`,
          `add "${owner.name}" to company, or correct the model's company`,
        );
        return;
      }
      models.push({ ...model, company: listed });
      return;
    }
    const [onlyCompany] = companies;
    if (companies.length === 1 && onlyCompany) {
      models.push({ ...model, company: onlyCompany });
      return;
    }
    if (companies.length > 1) {
      report(
        path,
        "model-company-ambiguous",
        `the article names several companies, so it is unclear whose model "${model.name}" is`,
        `write it as \`- { name: ${model.name}, company: ${companies[0]?.name} }\``,
      );
    }
  });

  const partners = data.partners.flatMap((entry, index): PartnerMention[] => {
    const path = listPath("partners", rawData.partners, index);
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
      models: unique("model", "models", models, (model) => `${model.company.slug}/${model.slug}`),
      partners: unique("partner", "partners", partners),
    },
    diagnostics,
  };
}
