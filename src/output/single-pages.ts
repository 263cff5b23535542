import { readdirSync } from "node:fs";
import path from "node:path";
import { TEMPLATES_DIR } from "../project-paths.ts";
import { PAGE_LISTS } from "../site/page-lists.ts";

const PAGES_DIR = path.join(TEMPLATES_DIR, "pages");

/**
 * The templates of the single pages: every page template that does not paginate over a list
 * with a fingerprint (search, sitemaps, feeds and indexes of the whole site, the directories,
 * the redirects). They read the whole site, so they are written together, by a build's last
 * pass, or kept together. As paths from the project's folder, as Eleventy's ignores take them.
 */
export function singlePageTemplates(): string[] {
  const listed = new Set(PAGE_LISTS.filter((list) => list.reads).flatMap((list) => list.templates));
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith(".njk") && !listed.has(name))
    .map((name) => path.relative(process.cwd(), path.join(PAGES_DIR, name)));
}
