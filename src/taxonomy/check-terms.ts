import type { ArticleFields, TermMention } from "../content/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Registry } from "../registry/registry.ts";
import {
  likelyMeant,
  NAME_POLICY,
  REGISTRY_FILE,
  unknownTermDiagnostic,
} from "../registry/unknown-term.ts";
import type { TermKind } from "../urls.ts";

interface UsedTerm {
  kind: TermKind;
  /** For models, the company's slug: models are compared within their company. */
  scope: string;
  slug: string;
  registered: boolean;
  mentions: Array<{ article: ArticleFields; mention: TermMention }>;
}

function collectTerms(articles: readonly ArticleFields[]): UsedTerm[] {
  const terms = new Map<string, UsedTerm>();
  const add = (kind: TermKind, scope: string, article: ArticleFields, mention: TermMention) => {
    const key = `${kind}/${scope}/${mention.slug}`;
    let term = terms.get(key);
    if (!term) {
      term = { kind, scope, slug: mention.slug, registered: mention.registered, mentions: [] };
      terms.set(key, term);
    }
    term.mentions.push({ article, mention });
  };
  for (const article of articles) {
    for (const company of article.companies) add("company", "", article, company);
    for (const model of article.models) add("model", model.company.slug, article, model);
    for (const partner of article.partners) add("partner", "", article, partner);
  }
  return [...terms.values()];
}

function mostFrequentSpelling(term: UsedTerm): { spelling: string; count: number } {
  const counts = new Map<string, number>();
  for (const { mention } of term.mentions) {
    counts.set(mention.written, (counts.get(mention.written) ?? 0) + 1);
  }
  let best = { spelling: "", count: 0 };
  for (const [spelling, count] of counts) if (count > best.count) best = { spelling, count };
  return best;
}

function at(article: ArticleFields, mention: TermMention) {
  return { file: article.file, line: mention.place.line, column: mention.place.column };
}

/**
 * Cross-article checks on company, model and partner names: likely typos of a known or more
 * used name (errors), spellings that differ from the one the term is shown with, and names
 * the registry does not list (warnings). Work is per distinct term, not per article pair.
 */
export function checkTerms(articles: readonly ArticleFields[], registry: Registry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const terms = collectTerms(articles);
  const registryInUse = registry.entities.length > 0;

  for (const term of terms) {
    const display = term.registered
      ? (term.mentions[0]?.mention.name ?? "")
      : mostFrequentSpelling(term).spelling;
    const first = term.mentions[0];
    if (!term.registered && first) {
      const moreUsed = terms
        .filter(
          (other) =>
            other.kind === term.kind &&
            other.scope === term.scope &&
            other !== term &&
            other.mentions.length > term.mentions.length,
        )
        .map((other) => other.mentions[0]?.mention.name ?? "");
      const known = registry.spellings(term.kind);
      const suggestion = likelyMeant(
        first.mention.written,
        [...known, ...moreUsed],
        NAME_POLICY[term.kind],
      );
      if (suggestion) {
        for (const { article, mention } of term.mentions) {
          diagnostics.push(
            unknownTermDiagnostic(term.kind, mention.written, suggestion, at(article, mention)),
          );
        }
        if (suggestion.severity === "error") continue;
      } else if (registryInUse) {
        diagnostics.push({
          ...at(first.article, first.mention),
          severity: "warning",
          ruleId: "unregistered-term",
          message: `the ${term.kind} "${display}" is not in the registry`,
          fix: `add it to ${REGISTRY_FILE[term.kind]} with a short description`,
        });
      }
    }
    for (const { article, mention } of term.mentions) {
      if (mention.written === display || registry.isKnownSpelling(term.kind, mention.written)) {
        continue;
      }
      diagnostics.push({
        ...at(article, mention),
        severity: "warning",
        ruleId: "spelling-variant",
        message: `"${mention.written}" is shown as "${display}", the spelling of its other mentions`,
        fix: `write "${display}"${term.registered ? ", or add this spelling to the registry's aliases" : ""}`,
      });
    }
  }

  // Models are told apart by company: Geely Atlas in use says nothing of Volkswagen Atlas.
  const usedRegistered = new Set(
    terms
      .filter((term) => term.registered)
      .map((term) => `${term.kind}/${term.scope}/${term.slug}`),
  );
  for (const entity of registry.entities) {
    if (usedRegistered.has(`${entity.kind}/${entity.companySlug ?? ""}/${entity.slug}`)) continue;
    diagnostics.push({
      file: entity.file,
      ...entity.place,
      severity: "warning",
      ruleId: "registry-unused",
      message: `no article names the ${entity.kind} "${entity.name}"${entity.companySlug ? ` (${registry.entityFor("company", entity.companySlug)?.name ?? entity.companySlug})` : ""}`,
      fix: "keep it for future articles, or remove the entry",
    });
  }
  return diagnostics;
}
