import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Reads a TypeScript data file (`article.11tydata.ts`) for Eleventy: its default export is the
 * data. Builds, previews and tests run under tsx, which compiles the import. Data files hold
 * the per-page values of paginated templates as functions: the same values as Nunjucks
 * strings in front-matter would be compiled anew for each of thousands of pages, since
 * Eleventy does not cache Nunjucks compilations.
 */
export async function importTypeScriptData(file: string): Promise<unknown> {
  const module: { default?: unknown } = await import(pathToFileURL(path.resolve(file)).href);
  return module.default;
}
