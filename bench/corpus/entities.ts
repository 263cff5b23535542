import type { Random } from "./prng.ts";
import { BODY_TYPES, COUNTRIES, MODEL_SUFFIXES, SYLLABLES } from "./vocabulary.ts";

export interface Company {
  name: string;
  country: string;
}

export interface Model {
  name: string;
  company: Company;
  body: string;
}

export interface Partner {
  name: string;
  country: string;
}

export interface Entities {
  companies: Company[];
  models: Model[];
  /** In order of popularity: the first is named most often. */
  partners: Partner[];
}

export interface EntityCounts {
  companies: number;
  models: number;
  partners: number;
}

export const DEFAULT_ENTITY_COUNTS: EntityCounts = { companies: 40, models: 200, partners: 30 };

/**
 * The corpora the bench measures. `standard`: 200 models with names of their own. `large-registry`:
 * a newsroom's registry, 720 models in lines of variants that differ by a number or a word
 * (as Tiggo 4 Pro, Tiggo 7 Pro Max), whose articles also name other companies' models in
 * their text: the cost of term pages, fingerprints and autolinking grows with it.
 */
export const CORPUS_VARIANTS = ["standard", "large-registry"] as const;
export type CorpusVariant = (typeof CORPUS_VARIANTS)[number];

export const ENTITY_COUNTS: Record<CorpusVariant, EntityCounts> = {
  standard: DEFAULT_ENTITY_COUNTS,
  "large-registry": { companies: 40, models: 720, partners: 30 },
};

/** Variants per model line in the large registry: `<line> <number><suffix>`. */
const VARIANTS_PER_LINE = 6;

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Made-up names, each new one differing from every other in its first two syllables: names
 * one letter apart would be reported as typos of each other by `check`.
 */
function uniqueNames(random: Random, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const stem = `${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}`;
    if (taken.has(stem)) continue;
    taken.add(stem);
    names.push(capitalize(`${stem}${random.chance(0.5) ? random.pick(SYLLABLES) : ""}`));
  }
  return names;
}

/**
 * Model lines of `VARIANTS_PER_LINE` variants each: one stem, distinct number and suffix pairs
 * (`Velka 4`, `Velka 4 Pro`, `Velka 7 Max`), all filed under the line's company.
 */
function modelLines(
  random: Random,
  companies: readonly Company[],
  count: number,
  taken: Set<string>,
) {
  const stems = uniqueNames(random, Math.ceil(count / VARIANTS_PER_LINE), taken);
  const models: Model[] = [];
  stems.forEach((stem, index) => {
    const company = (
      index < companies.length ? companies[index] : random.pick(companies)
    ) as Company;
    const variants = new Set<string>();
    while (variants.size < VARIANTS_PER_LINE && models.length + variants.size < count) {
      variants.add(`${stem} ${random.int(2, 9)}${random.pick(MODEL_SUFFIXES)}`);
    }
    for (const name of variants) models.push({ name, company, body: random.pick(BODY_TYPES) });
  });
  return models;
}

/**
 * Companies, their models (each model belongs to one company) and partners. With `lines`,
 * models come in lines of variants (the large registry); otherwise each has a name of its own.
 */
export function generateEntities(random: Random, counts: EntityCounts, lines = false): Entities {
  const taken = new Set<string>();
  const companies = uniqueNames(random, counts.companies, taken).map((name) => ({
    name,
    country: random.pick(COUNTRIES),
  }));
  const partners = uniqueNames(random, counts.partners, taken).map((name) => ({
    name: `${name} ${random.pick(["Motors", "Holding", "Group", "Auto", "Industries"])}`,
    country: random.pick(COUNTRIES),
  }));
  if (lines)
    return { companies, models: modelLines(random, companies, counts.models, taken), partners };
  const modelStems = uniqueNames(random, counts.models, taken);
  const models = modelStems.map((stem, index) => ({
    name: `${stem}${random.chance(0.3) ? ` ${random.int(2, 9)}` : ""}${random.pick(MODEL_SUFFIXES)}`,
    // Round-robin first so every company has models, then the rest at random.
    company: (index < companies.length ? companies[index] : random.pick(companies)) as Company,
    body: random.pick(BODY_TYPES),
  }));
  return { companies, models, partners };
}
