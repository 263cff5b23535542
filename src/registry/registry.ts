import type { Place } from "../diagnostics/diagnostic.ts";
import type { TermKind } from "../urls.ts";
import { termSlug } from "./normalize-term.ts";

/** A company, model or partner as the registry describes it. */
export interface RegisteredEntity {
  kind: TermKind;
  /** The canonical name: pages always use it. */
  name: string;
  /** The slug of the canonical name. */
  slug: string;
  /** Every other spelling that means this entity. */
  aliases: string[];
  /** Slugs of former names, whose old pages redirect to the current one. */
  formerSlugs: string[];
  description?: string;
  country?: string;
  website?: string;
  /** For a model: its body type. */
  body?: string;
  /** For a model: the slug of its company. */
  companySlug?: string;
  /** Where the entry is written, for messages. */
  file: string;
  place: Place;
}

const slugsOf = (names: readonly string[]) =>
  names.flatMap((name) => {
    const slug = termSlug(name);
    return slug ? [slug] : [];
  });

/**
 * Looks up registered entities by any of their spellings. Models are keyed by company too,
 * since two companies may sell a model of the same name.
 */
export class Registry {
  private readonly byKindAndSlug = new Map<string, RegisteredEntity>();
  private readonly modelsBySlug = new Map<string, RegisteredEntity[]>();
  private readonly listedSpellings = new Set<string>();
  // Asked once per unknown name while loading: computed once, not per question.
  private readonly spellingsByKind: Record<TermKind, string[]> = {
    company: [],
    model: [],
    partner: [],
  };

  constructor(readonly entities: readonly RegisteredEntity[]) {
    for (const entity of entities) {
      for (const spelling of [entity.name, ...entity.aliases]) {
        this.listedSpellings.add(`${entity.kind}/${spelling}`);
        this.spellingsByKind[entity.kind].push(spelling);
      }
      for (const slug of [entity.slug, ...slugsOf(entity.aliases), ...entity.formerSlugs]) {
        if (entity.kind === "model") {
          this.modelsBySlug.set(slug, [...(this.modelsBySlug.get(slug) ?? []), entity]);
        } else {
          this.byKindAndSlug.set(`${entity.kind}/${slug}`, entity);
        }
      }
    }
  }

  static empty(): Registry {
    return new Registry([]);
  }

  /** The company or partner a spelling means, by its slug. */
  organization(kind: "company" | "partner", slug: string): RegisteredEntity | undefined {
    return this.byKindAndSlug.get(`${kind}/${slug}`);
  }

  /** A term's entry: a company or partner by its slug, a model by its slug within its company. */
  entityFor(kind: TermKind, slug: string, companySlug?: string): RegisteredEntity | undefined {
    if (kind !== "model") return this.organization(kind, slug);
    return this.modelsNamed(slug).find((model) => model.companySlug === companySlug);
  }

  /** Every registered model a spelling may mean, across companies. */
  modelsNamed(slug: string): readonly RegisteredEntity[] {
    return this.modelsBySlug.get(slug) ?? [];
  }

  /** Every canonical name and alias of a kind, for "did you mean" suggestions. */
  spellings(kind: TermKind): readonly string[] {
    return this.spellingsByKind[kind];
  }

  /** Whether the spelling is one the registry lists (canonical or alias), not just the same slug. */
  isKnownSpelling(kind: TermKind, name: string): boolean {
    return this.listedSpellings.has(`${kind}/${name}`);
  }
}
