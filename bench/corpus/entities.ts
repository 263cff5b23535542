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

/** Companies, their models (each model belongs to one company) and partners. */
export function generateEntities(random: Random, counts: EntityCounts): Entities {
  const taken = new Set<string>();
  const companies = uniqueNames(random, counts.companies, taken).map((name) => ({
    name,
    country: random.pick(COUNTRIES),
  }));
  const partners = uniqueNames(random, counts.partners, taken).map((name) => ({
    name: `${name} ${random.pick(["Motors", "Holding", "Group", "Auto", "Industries"])}`,
    country: random.pick(COUNTRIES),
  }));
  const modelStems = uniqueNames(random, counts.models, taken);
  const models = modelStems.map((stem, index) => ({
    name: `${stem}${random.chance(0.3) ? ` ${random.int(2, 9)}` : ""}${random.pick(MODEL_SUFFIXES)}`,
    // Round-robin first so every company has models, then the rest at random.
    company: (index < companies.length ? companies[index] : random.pick(companies)) as Company,
    body: random.pick(BODY_TYPES),
  }));
  return { companies, models, partners };
}
