import type { Company, Entities, Model, Partner } from "./entities.ts";
import { type Random, zipfSampler } from "./prng.ts";
import { DETAILS, HEADINGS, OBJECTS, SOURCES, SUBJECTS, VERBS } from "./vocabulary.ts";

export interface GeneratedArticle {
  /** Path below the content folder: `articles/<year>/<slug>.md`. */
  path: string;
  text: string;
}

const PARTNER_STATUSES = ["mentioned", "in-talks", "confirmed", "denied"] as const;

/** Three years of news, ending well before any build date so nothing is ever scheduled. */
const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = 3 * 365;

export function urlSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The plain mentions of the article, chosen before its text so the text can name them. */
interface Cast {
  companies: Company[];
  models: Model[];
  partners: Partner[];
  /** Models the text names besides the article's own: other companies' too. */
  otherModels: Model[];
}

function sentence(random: Random, cast: Cast): string {
  const company = random.pick(cast.companies);
  const subject = random.chance(0.4) ? company.name : random.pick(SUBJECTS);
  let object: string = random.pick(OBJECTS);
  const named = cast.otherModels.length > 0 && random.chance(0.5) ? cast.otherModels : cast.models;
  const model = named.length > 0 && random.chance(0.3) ? random.pick(named) : undefined;
  if (model) object = `${object} for the ${model.name}`;
  if (random.chance(0.08)) {
    object = `[${object}](https://news.example.com/${urlSlug(company.name)}/${random.int(1000, 99999)})`;
  } else if (random.chance(0.02)) {
    object = `${object} ([all ${company.name} news](/companies/${urlSlug(company.name)}/))`;
  }
  const partner =
    cast.partners.length > 0 && random.chance(0.2)
      ? ` together with ${random.pick(cast.partners).name}`
      : "";
  const emphasis = random.chance(0.05) ? "**" : "";
  const detail = random.chance(0.6) ? `, ${random.pick(DETAILS)}` : "";
  return `${capitalize(subject)} ${emphasis}${random.pick(VERBS)}${emphasis} ${object}${partner}${detail}.`;
}

/** Summaries are one plain line: no Markdown, nothing YAML would read as syntax. */
function summary(random: Random, company: Company): string {
  return `${company.name} ${random.pick(VERBS)} ${random.pick(OBJECTS)}, ${random.pick(DETAILS)}.`;
}

function paragraph(random: Random, cast: Cast): string {
  const sentences = Array.from({ length: random.int(3, 6) }, () => sentence(random, cast));
  return sentences.join(" ");
}

function list(random: Random, cast: Cast): string {
  const marker = random.chance(0.5) ? "-" : "1.";
  return Array.from({ length: random.int(3, 5) }, () => `${marker} ${sentence(random, cast)}`).join(
    "\n",
  );
}

function quote(random: Random, cast: Cast): string {
  return `> "${sentence(random, cast)} ${sentence(random, cast)}" said a spokesperson.`;
}

/** 400–900 words of prose with headings, lists, links and quotes, as editors write them. */
function body(random: Random, cast: Cast): string {
  const target = random.int(400, 900);
  const blocks: string[] = [paragraph(random, cast)];
  let words = countWords(blocks[0] as string);
  while (words < target) {
    const roll = random.next();
    const block =
      roll < 0.12
        ? `## ${random.pick(HEADINGS)}`
        : roll < 0.22
          ? list(random, cast)
          : roll < 0.28
            ? quote(random, cast)
            : paragraph(random, cast);
    blocks.push(block);
    words += countWords(block);
  }
  return blocks.join("\n\n");
}

function chooseCast(
  random: Random,
  entities: Entities,
  pickCompany: (r: Random) => number,
  crossMentions: boolean,
): Cast {
  const pickPartner = zipfSampler(entities.partners.length);
  const first = entities.companies[pickCompany(random)] as Company;
  const second = random.chance(0.1) ? entities.companies[pickCompany(random)] : undefined;
  const companies = second && second !== first ? [first, second] : [first];
  const owned = entities.models.filter((model) => companies.includes(model.company));
  const models = [...new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(owned)))];
  const partnerCount = random.int(0, 3);
  const partners = [
    ...new Set(Array.from({ length: partnerCount }, () => pickPartner(random))),
  ].map((index) => entities.partners[index] as Partner);
  const otherModels = crossMentions
    ? Array.from({ length: random.int(0, 3) }, () => random.pick(entities.models))
    : [];
  return { companies, models, partners, otherModels };
}

function yamlModels(cast: Cast): string[] {
  if (cast.models.length === 0) return [];
  // With several companies an article must say whose model it is.
  const lines = cast.models.map((model) =>
    cast.companies.length > 1
      ? `  - { name: ${model.name}, company: ${model.company.name} }`
      : `  - ${model.name}`,
  );
  return ["models:", ...lines];
}

function yamlPartners(random: Random, cast: Cast): string[] {
  if (cast.partners.length === 0) return [];
  const lines = cast.partners.map((partner) =>
    random.chance(0.5)
      ? `  - { name: ${partner.name}, status: ${random.pick(PARTNER_STATUSES)} }`
      : `  - ${partner.name}`,
  );
  return ["partners:", ...lines];
}

/**
 * Article number `index` of a corpus; the index keeps every slug unique. With
 * `crossMentions`, the text also names models of other companies.
 */
export function generateArticle(
  random: Random,
  entities: Entities,
  index: number,
  pickCompany: (r: Random) => number,
  crossMentions = false,
): GeneratedArticle {
  const cast = chooseCast(random, entities, pickCompany, crossMentions);
  const day = new Date(FIRST_DAY + random.int(0, DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const lead = cast.companies[0] as Company;
  const title = `${lead.name} ${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
  const slug = `${urlSlug(title)}-${index}`;
  const company =
    cast.companies.length > 1 ? `[${cast.companies.map((c) => c.name).join(", ")}]` : lead.name;
  const source = random.pick(SOURCES);
  const frontMatter = [
    "---",
    `title: ${title}`,
    `date: ${day}`,
    `company: ${company}`,
    ...yamlModels(cast),
    ...yamlPartners(random, cast),
    ...(random.chance(0.7) ? [`summary: ${summary(random, lead)}`] : []),
    "source:",
    `  name: ${source}`,
    `  url: https://news.example.com/${urlSlug(source)}/${index}`,
    "---",
  ];
  return {
    path: `articles/${day.slice(0, 4)}/${slug}.md`,
    text: `${frontMatter.join("\n")}\n\n${body(random, cast)}\n`,
  };
}
