import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUT_READS } from "../../src/output/page-fingerprints.ts";
import { PAGE_LISTS } from "../../src/site/page-lists.ts";

// Pages are written in passes over narrowed lists and kept between builds by fingerprints of
// what their templates read: these tests keep those declarations in step with the templates.

const TEMPLATES = path.resolve(import.meta.dirname, "../../templates");
const PAGES = path.join(TEMPLATES, "pages");

/** `site.title`, `pageMeta`… for every `news.…` a file reads. */
function newsReads(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?<![/\w])news((?:\.\w+)+)/g)].map((match) =>
    (match[1] ?? "").slice(1),
  );
}

const covered = (read: string, by: readonly string[]) =>
  by.some((prefix) => read === prefix || read.startsWith(`${prefix}.`));

/** The list a page template paginates over, from its front-matter; undefined for single pages. */
function paginatedList(template: string): string | undefined {
  const text = readFileSync(path.join(PAGES, template), "utf8");
  return /^\s+data: news\.([\w.]+)$/m.exec(text)?.[1];
}

const pageTemplates = readdirSync(PAGES).filter((name) => name.endsWith(".njk"));
const listNames = PAGE_LISTS.map((list) => list.name);

describe("PAGE_LISTS", () => {
  it("names every list a page template paginates over, with that template", () => {
    const paginated = pageTemplates.flatMap((template) => {
      const list = paginatedList(template);
      return list ? [`${list} ← ${template}`] : [];
    });
    const declared = PAGE_LISTS.flatMap((list) =>
      list.templates.map((template) => `${list.name} ← ${template}`),
    );
    expect(declared.sort()).toEqual(paginated.sort());
  });

  it("leaves single pages reading no paginated list, so narrowing a list never changes them", () => {
    const singles = pageTemplates.filter((template) => !paginatedList(template));
    const reads = singles.flatMap((template) =>
      newsReads(path.join(PAGES, template)).map((read) => `${template}: ${read}`),
    );
    expect(reads.filter((read) => covered(read.split(": ")[1] ?? "", listNames))).toEqual([]);
  });

  it("declares everything a kept page's template reads besides its item and metadata", () => {
    const undeclared = PAGE_LISTS.filter((list) => list.reads).flatMap((list) =>
      list.templates.flatMap((template) => {
        const data = path.join(PAGES, template.replace(/\.njk$/, ".11tydata.ts"));
        const files = [path.join(PAGES, template), ...(existsSync(data) ? [data] : [])];
        const reads = files.flatMap(newsReads);
        const allowed = [list.name, "pageMeta", ...LAYOUT_READS, ...(list.reads ?? [])];
        return reads
          .filter((read) => !covered(read, allowed))
          .map((read) => `${template}: ${read}`);
      }),
    );
    expect(undeclared).toEqual([]);
  });

  it("declares everything the layout and the shared macros read besides head metadata", () => {
    const reads = [
      ...newsReads(path.join(TEMPLATES, "layouts", "base.njk")),
      ...newsReads(path.join(TEMPLATES, "partials", "macros.njk")),
    ];
    expect(reads.filter((read) => !covered(read, [...LAYOUT_READS, "pageMeta"]))).toEqual([]);
  });
});
