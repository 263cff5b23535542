import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../project-paths.ts";
import type { TermKind } from "../urls.ts";
import { placeIn, yamlPlaces } from "../yaml/locate-in-yaml.ts";
import { readYamlData } from "../yaml/read-yaml-file.ts";
import { cleanTermName, termSlug } from "./normalize-term.ts";
import { type RegisteredEntity, Registry } from "./registry.ts";
import {
  companiesFileSchema,
  modelsFileSchema,
  partnersFileSchema,
  REGISTRY_HELP,
} from "./registry-schema.ts";

/** The registry folder, relative to the content folder; every file in it is optional. */
export const REGISTRY_FOLDER = "registry";

const FILES = {
  company: { name: "companies.yaml", key: "companies", schema: companiesFileSchema },
  model: { name: "models.yaml", key: "models", schema: modelsFileSchema },
  partner: { name: "partners.yaml", key: "partners", schema: partnersFileSchema },
} as const;

type RawEntry = z.output<typeof modelsFileSchema>["models"][number] & {
  country?: string;
  website?: string;
};

async function readEntries(
  contentDir: string,
  kind: TermKind,
): Promise<{ entities: RegisteredEntity[]; diagnostics: Diagnostic[] }> {
  const spec = FILES[kind];
  const absolute = path.resolve(contentDir, REGISTRY_FOLDER, spec.name);
  const file = displayPath(absolute);
  const text = await readFile(absolute, "utf8").catch(() => undefined);
  if (text === undefined) return { entities: [], diagnostics: [] };
  const result = readYamlData(text, file, spec.schema, {
    fieldHelp: REGISTRY_HELP,
    describedAs: `the ${kind} registry`,
  });
  if (!result.ok) return { entities: [], diagnostics: result.diagnostics };
  const entries = (result.value as Record<string, RawEntry[]>)[spec.key] ?? [];
  const entities: RegisteredEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  const places = yamlPlaces(result.yaml.document, result.yaml.lineCounter);
  entries.forEach((entry, index) => {
    const place = placeIn(places, [spec.key, index]);
    const name = cleanTermName(entry.name);
    const slug = termSlug(name);
    if (!slug) {
      diagnostics.push({
        file,
        ...place,
        severity: "error",
        ruleId: "empty-term",
        message: `the ${kind} "${entry.name}" has no letter or digit, so it cannot have a page`,
        fix: "write the name, or remove the entry",
      });
      return;
    }
    const companySlug = "company" in entry && entry.company ? termSlug(entry.company) : undefined;
    entities.push({
      kind,
      name,
      slug,
      aliases: entry.aliases.map(cleanTermName),
      formerSlugs: entry.formerly.flatMap((former) => termSlug(former) ?? []),
      file,
      place,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.country ? { country: entry.country } : {}),
      ...(entry.website ? { website: entry.website } : {}),
      ...(entry.body ? { body: entry.body } : {}),
      ...(companySlug ? { companySlug } : {}),
    });
  });
  return { entities, diagnostics };
}

/** Two entries claiming one spelling would make every page that uses it ambiguous. */
function clashDiagnostics(entities: readonly RegisteredEntity[]): Diagnostic[] {
  const owners = new Map<string, RegisteredEntity>();
  const diagnostics: Diagnostic[] = [];
  for (const entity of entities) {
    const spellings = [entity.name, ...entity.aliases];
    for (const spelling of spellings) {
      const slug = termSlug(spelling);
      if (!slug) continue;
      const key = `${entity.kind}/${entity.companySlug ?? ""}/${slug}`;
      const owner = owners.get(key);
      if (owner && owner !== entity) {
        diagnostics.push({
          file: entity.file,
          ...entity.place,
          severity: "error",
          ruleId: "registry-duplicate",
          message: `"${spelling}" is listed for both "${owner.name}" and "${entity.name}"`,
          fix: "keep each name or alias on one entry only",
        });
      }
      owners.set(key, entity);
    }
  }
  return diagnostics;
}

/** Reads `content/registry/*.yaml`. A missing file is an empty list: the registry is optional. */
export async function loadRegistry(
  contentDir: string,
): Promise<{ registry: Registry; diagnostics: Diagnostic[] }> {
  const parts = await Promise.all(
    (Object.keys(FILES) as TermKind[]).map((kind) => readEntries(contentDir, kind)),
  );
  const organizations = new Registry(parts.flatMap((part) => part.entities));
  // A model may name its company by an alias; pages need the company's canonical slug.
  const entities = parts
    .flatMap((part) => part.entities)
    .map((entity) =>
      entity.companySlug
        ? {
            ...entity,
            companySlug:
              organizations.organization("company", entity.companySlug)?.slug ?? entity.companySlug,
          }
        : entity,
    );
  const diagnostics = [...parts.flatMap((part) => part.diagnostics), ...clashDiagnostics(entities)];
  const companies = new Set(entities.filter((e) => e.kind === "company").map((e) => e.slug));
  for (const model of entities.filter((entity) => entity.kind === "model")) {
    if (model.companySlug && !companies.has(model.companySlug)) {
      diagnostics.push({
        file: model.file,
        ...model.place,
        severity: "warning",
        ruleId: "registry-unknown-company",
        message: `the model "${model.name}" belongs to a company that is not in the company registry`,
        fix: "add the company to companies.yaml, or correct the model's company",
      });
    }
  }
  return { registry: new Registry(entities), diagnostics };
}
