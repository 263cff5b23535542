import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateArticle, urlSlug } from "./article.ts";
import { type CorpusVariant, ENTITY_COUNTS, type Entities, generateEntities } from "./entities.ts";
import { createRandom, zipfSampler } from "./prng.ts";

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** `standard` when absent. */
  variant?: CorpusVariant;
}

export interface CorpusFile {
  /** Relative to the content folder, with `/`. */
  path: string;
  text: string;
}

export const DEFAULT_SEED = 20220601;

const SITE_YAML = `title: Synthetic Auto Digest
description: A generated corpus for measuring build performance.
language: en
baseUrl: https://bench.example.org/
timeZone: Europe/Moscow
pageSize: 10
`;

/** Every name the corpus uses is registered, as on a site whose editors keep the registry. */
function registryFiles(entities: Entities): CorpusFile[] {
  const companies = entities.companies.map(
    (c) =>
      `  - name: ${c.name}\n    description: ${c.name} builds cars in ${c.country}.\n    country: ${c.country}\n    website: https://${urlSlug(c.name)}.example.com/`,
  );
  const models = entities.models.map(
    (m) => `  - name: ${m.name}\n    company: ${m.company.name}\n    body: ${m.body}`,
  );
  const partners = entities.partners.map(
    (p) =>
      `  - name: ${p.name}\n    description: ${p.name} works with carmakers in ${p.country}.\n    country: ${p.country}`,
  );
  return [
    { path: "registry/companies.yaml", text: `companies:\n${companies.join("\n")}\n` },
    { path: "registry/models.yaml", text: `models:\n${models.join("\n")}\n` },
    { path: "registry/partners.yaml", text: `partners:\n${partners.join("\n")}\n` },
  ];
}

/**
 * The files of a synthetic corpus, one at a time so that 100,000 articles never sit in
 * memory together. The same options always give the same files, byte for byte.
 */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile> {
  const random = createRandom(options.seed);
  const variant = options.variant ?? "standard";
  const largeRegistry = variant === "large-registry";
  const entities = generateEntities(random, ENTITY_COUNTS[variant], largeRegistry);
  // Some carmakers are in the news far more than others, though less steeply than partners.
  const pickCompany = zipfSampler(entities.companies.length, 0.7);
  yield { path: "site.yaml", text: SITE_YAML };
  yield* registryFiles(entities);
  for (let index = 0; index < options.articles; index++) {
    yield generateArticle(random, entities, index, pickCompany, largeRegistry);
  }
}

/** Writes a corpus into `contentDir`, which should be empty or absent. */
export async function writeCorpus(contentDir: string, options: CorpusOptions): Promise<number> {
  const folders = new Set<string>();
  let count = 0;
  for (const file of corpusFiles(options)) {
    const target = path.join(contentDir, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(target, file.text);
    count++;
  }
  return count;
}
