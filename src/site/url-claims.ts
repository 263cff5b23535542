import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ArticleFields, Mentions } from "../content/article.ts";
import type { Diagnostic, Place } from "../diagnostics/diagnostic.ts";
import type { Article } from "../markdown/article.ts";
import { PROJECT_ROOT, STATIC_ASSETS, TEMPLATES_DIR } from "../project-paths.ts";
import type { Registry } from "../registry/registry.ts";
import { mentionSlug } from "../taxonomy/term.ts";
import { outputFileOf, type TermKind, termUrl } from "../urls.ts";
import type { AnySiteModel, ListPage } from "./news.ts";
import { type ListItem, PAGE_LISTS, type PageList } from "./page-lists.ts";
import { type FormerAddress, formerAddresses } from "./redirects.ts";
import type { TermIndex } from "./views.ts";

/** Where a claim comes from: an article, a registry entry, or one of the project's own files. */
export interface Origin extends Place {
  file: string;
}

/** One page (or copied file) wanting an address. The same `key` twice is the same page. */
interface Claimant {
  key: string;
  /** In the editor's words: `the model "Tiggo 4 Pro" of Chery`. */
  label: string;
  origin: Origin;
  /** Written by the project's templates: never the side of a conflict an editor can fix. */
  fixed: boolean;
  /** What an editor can change so this claim no longer collides. */
  fix: string;
}

const place = (origin: Origin) => `${origin.file}:${origin.line}:${origin.column}`;

/** Assets Eleventy copies as they are (`addPassthroughCopy` in `.eleventy.ts`). */

function projectFile(absolute: string): string {
  return path.relative(PROJECT_ROOT, absolute).split(path.sep).join("/");
}

/** A template's own `permalink:` in its front matter, with the line it is written on. */
function fixedPermalink(file: string): { url: string; line: number } | undefined {
  const lines = readFileSync(file, "utf8").split("\n");
  if (lines[0] !== "---") return undefined;
  for (let index = 1; index < lines.length && lines[index] !== "---"; index++) {
    const url = /^permalink:\s*(\/\S*)\s*$/.exec(lines[index] ?? "")?.[1];
    if (url) return { url, line: index + 1 };
  }
  return undefined;
}

let fixedFiles: ReadonlyArray<{ url: string; origin: Origin }> | undefined;

/**
 * The files at addresses the project itself decides: templates with a permalink of their own
 * (search, robots, sitemaps, `_headers`, 404…) and the copied assets. Read from the templates,
 * once, so a new template is claimed without being listed anywhere else.
 */
export function fixedFilesOfProject(): ReadonlyArray<{ url: string; origin: Origin }> {
  if (fixedFiles) return fixedFiles;
  const pages = path.join(TEMPLATES_DIR, "pages");
  const templates = readdirSync(pages)
    .filter((name) => name.endsWith(".njk"))
    .sort()
    .flatMap((name) => {
      const file = path.join(pages, name);
      const permalink = fixedPermalink(file);
      if (!permalink) return [];
      return [
        {
          url: permalink.url,
          origin: { file: projectFile(file), line: permalink.line, column: 1 },
        },
      ];
    });
  const assetsFolder = path.join(PROJECT_ROOT, STATIC_ASSETS.folder);
  const assets = readdirSync(assetsFolder, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(assetsFolder, name))
    .filter((file) => statSync(file).isFile())
    .sort()
    .map((file) => ({
      url: `/${STATIC_ASSETS.outputFolder}/${path.relative(assetsFolder, file).split(path.sep).join("/")}`,
      origin: { file: projectFile(file), line: 1, column: 1 },
    }));
  fixedFiles = [...templates, ...assets];
  return fixedFiles;
}

/** Output files and who holds each; the first claimant of a file keeps it. */
class ClaimTable {
  private readonly holders = new Map<string, Claimant[]>();
  private readonly reported = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];

  get files(): string[] {
    return [...this.holders.keys()];
  }

  holdersOf(url: string): readonly Claimant[] {
    return this.holders.get(outputFileOf(url)) ?? [];
  }

  claim(url: string, claimant: Claimant): void {
    const file = outputFileOf(url);
    const holders = this.holders.get(file);
    if (!holders) {
      this.holders.set(file, [claimant]);
      return;
    }
    if (holders.some((holder) => holder.key === claimant.key)) return;
    holders.push(claimant);
    // A pair is told once, at the first address they share: term pages bring their feeds.
    for (const holder of holders.slice(0, -1)) this.conflict(url, holder, claimant);
  }

  private conflict(url: string, first: Claimant, second: Claimant): void {
    const pair = [first.key, second.key].sort().join("\n");
    if (this.reported.has(pair)) return;
    this.reported.add(pair);
    if (first.fixed && second.fixed) {
      throw new Error(
        `Internal error: ${place(first.origin)} and ${place(second.origin)} both write ${url}`,
      );
    }
    if (first.key.startsWith("article:") && second.key.startsWith("article:")) {
      for (const [article, other] of [
        [first, second],
        [second, first],
      ] as const) {
        this.diagnostics.push({
          ...article.origin,
          severity: "error",
          ruleId: "duplicate-url",
          message: `this article and ${other.origin.file} would both be published at ${url}`,
          fix: article.fix,
        });
      }
      return;
    }
    // Told where an editor can act: at the content's side when the other page is the site's own.
    const [at, other] = first.fixed ? [second, first] : [first, second];
    this.diagnostics.push({
      ...at.origin,
      severity: "error",
      ruleId: "url-conflict",
      message: `${url} is claimed by ${at.label} and by ${other.label} (${place(other.origin)})`,
      fix: at.fix,
    });
  }
}

/**
 * The pages each term address is wanted by, from every mention in the articles: the term
 * index files models by their address, so two models whose names join alike (Chery Tiggo
 * "4 Pro" and Chery "Tiggo 4 Pro") would share one page there without a word.
 */
function termClaimants(
  articles: ReadonlyArray<Mentions & { file: string }>,
): Map<string, Claimant[]> {
  const byUrl = new Map<string, Claimant[]>();
  // Most mentions repeat a term an earlier article claimed: its label and origin are only
  // made for the first.
  const add = (
    kind: TermKind,
    slug: string,
    key: string,
    claim: () => { label: string; origin: Origin },
  ) => {
    const url = termUrl(kind, slug);
    const claimants = byUrl.get(url) ?? [];
    if (claimants.some((claimant) => claimant.key === key)) return;
    claimants.push({
      key,
      ...claim(),
      fixed: false,
      fix: `correct whichever name is wrong, or write the ${kind}'s full name so its page gets an address of its own`,
    });
    byUrl.set(url, claimants);
  };
  for (const article of articles) {
    for (const company of article.companies) {
      add("company", company.slug, `company:${company.slug}`, () => ({
        label: `the company "${company.name}"`,
        origin: { file: article.file, ...company.place },
      }));
    }
    for (const model of article.models) {
      add(
        "model",
        mentionSlug("model", model),
        `model:${model.company.slug}/${model.slug}`,
        () => ({
          label: `the model "${model.name}" of ${model.company.name}`,
          origin: { file: article.file, ...model.place },
        }),
      );
    }
    for (const partner of article.partners) {
      add("partner", partner.slug, `partner:${partner.slug}`, () => ({
        label: `the partner "${partner.name}"`,
        origin: { file: article.file, ...partner.place },
      }));
    }
  }
  return byUrl;
}

function articleClaimant(file: string): Claimant {
  const origin = { file, line: 1, column: 1 };
  const fix = "give one of them a different `slug:` (or file name)";
  return { key: `article:${file}`, label: `the article ${file}`, origin, fixed: false, fix };
}

function formerClaimant(address: FormerAddress): Claimant {
  return {
    key: `redirect:${address.url} → ${address.target.url}`,
    label: `the former name of the ${address.target.kind} "${address.target.name}"`,
    origin: { file: address.entity.file, ...address.entity.place },
    fixed: false,
    fix: "remove that former name from the entry: its old address cannot send readers on",
  };
}

const FIXED_LIST_LABELS: Record<string, (item: ListItem) => string> = {
  homePages: () => "the home page",
  "digests.pages": () => "a weekly digest",
  "archives.pages": () => "a monthly archive",
  directoryPages: (item) =>
    `the directory "${(item as AnySiteModel["directoryPages"][number]).title}"`,
};

export interface ClaimContext {
  /** The articles `news` was built from. */
  articles: readonly Article[];
  index: TermIndex;
  registry: Registry;
  /**
   * Drafts and scheduled articles a production build leaves out: their addresses are
   * claimed too, so a copied file that kept its slug is told before it is published.
   */
  unpublished?: readonly ArticleFields[];
}

/**
 * Every file a build of `news` writes, each claimed by exactly one page: articles, term pages
 * and their further pages and feeds, lists, sources, redirects, the site's own pages, lead
 * pictures and copied assets. A second page wanting a file is an error naming both, before
 * anything is written; a former name whose old address a page holds is told as a warning,
 * since the site is whole without its redirect.
 */
export function claimUrls(news: AnySiteModel, context: ClaimContext): Diagnostic[] {
  return claimTable(news, context).diagnostics;
}

/** Every file of the output a build of `news` writes, Pagefind's index aside: `articles/x/index.html`. */
export function claimedFiles(news: AnySiteModel, context: ClaimContext): string[] {
  return claimTable(news, context).files;
}

function claimTable(
  news: AnySiteModel,
  context: ClaimContext,
): { files: string[]; diagnostics: Diagnostic[] } {
  const table = new ClaimTable();
  // A draft naming a term alike is told now, at the draft, not when it is published.
  const terms = termClaimants([...(context.unpublished ?? []), ...context.articles]);
  const addresses = formerAddresses(context.index, context.registry);
  const redirectKey = (url: string, target: { url: string }) => `${url} → ${target.url}`;
  const addressOf = new Map<string, FormerAddress>();
  for (const address of addresses) {
    const key = redirectKey(address.url, address.target);
    if (!addressOf.has(key)) addressOf.set(key, address);
  }
  const written = new Set(
    news.redirects.map((redirect) => redirectKey(redirect.url, redirect.target)),
  );

  const claimantsOf = (list: PageList, item: ListItem, url: string, template: string) => {
    const fixedLabel = FIXED_LIST_LABELS[list.name];
    if (fixedLabel) {
      const origin = { file: `templates/pages/${template}`, line: 1, column: 1 };
      return [{ key: `${template}:${url}`, label: fixedLabel(item), origin, fixed: true, fix: "" }];
    }
    switch (list.name) {
      case "articles":
        return [articleClaimant((item as AnySiteModel["articles"][number]).file)];
      case "termPages":
        return terms.get((item as ListPage<object>).term?.url ?? "") ?? [];
      case "feeds":
        return table.holdersOf(url.slice(0, url.lastIndexOf("/") + 1));
      case "sourcePages": {
        const source = item as AnySiteModel["sourcePages"][number];
        const first = source.entries[0] as { article: { file: string } } | undefined;
        const file = first?.article.file ?? "";
        return [
          {
            key: `source:${source.url}`,
            label: `the source "${source.name}"`,
            origin: { file, line: 1, column: 1 },
            fixed: false,
            fix: "write the source's name as the other articles do",
          },
        ];
      }
      case "redirects": {
        const address = addressOf.get(
          redirectKey(url, (item as AnySiteModel["redirects"][number]).target),
        );
        return address ? [formerClaimant(address)] : [];
      }
      default:
        throw new Error(`Internal error: no claimant for the pages of ${list.name}`);
    }
  };

  for (const list of PAGE_LISTS) {
    for (const item of list.items(news)) {
      list.urlsOf(item).forEach((url, index) => {
        const template = list.templates[index] ?? list.templates[0] ?? "";
        const claimants = claimantsOf(list, item, url, template);
        if (claimants.length === 0) {
          throw new Error(`Internal error: nothing claims ${url} of ${list.name}`);
        }
        for (const claimant of claimants) table.claim(url, claimant);
      });
    }
  }
  for (const article of context.unpublished ?? []) {
    table.claim(article.url, articleClaimant(article.file));
  }
  for (const { url, origin } of fixedFilesOfProject()) {
    table.claim(url, {
      key: `fixed:${url}`,
      label: "the site's own page",
      origin,
      fixed: true,
      fix: "",
    });
  }
  for (const job of news.imageJobs) {
    for (const rendition of job.renditions) {
      table.claim(rendition.url, {
        key: `image:${job.key}`,
        label: `the lead picture ${job.source}`,
        origin: { file: job.source, line: 1, column: 1 },
        fixed: false,
        fix: "",
      });
    }
  }

  const refused = addresses.flatMap((address): Diagnostic[] => {
    if (written.has(redirectKey(address.url, address.target))) return [];
    const holder = table.holdersOf(address.url)[0];
    if (!holder) throw new Error(`Internal error: ${address.url} neither redirects nor is held`);
    const claimant = formerClaimant(address);
    return [
      {
        ...claimant.origin,
        severity: "warning",
        ruleId: "former-address-taken",
        message: `${claimant.label} cannot redirect from ${address.url}: that address belongs to ${holder.label} (${place(holder.origin)})`,
        fix: claimant.fix,
      },
    ];
  });
  return { files: table.files, diagnostics: [...table.diagnostics, ...refused] };
}
