import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { todayIn } from "../dates.ts";
import { type Diagnostic, hasErrors, START_OF_FILE } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../project-paths.ts";
import { canonicalModelName, canonicalOrganizationName } from "../registry/canonical-names.ts";
import { loadRegistry } from "../registry/load-registry.ts";
import { slugifyText } from "../registry/normalize-term.ts";
import type { Registry } from "../registry/registry.ts";
import { loadSiteSettings, SETTINGS_FILE } from "../settings/site-settings.ts";
import { isSafeSlug } from "../urls.ts";
import { ARTICLES_FOLDER } from "./read-article-files.ts";
import { validateArticle } from "./validate-article.ts";

/** What the editor asked for: names as typed, in any listed spelling. */
export interface NewArticleRequest {
  title: string;
  companies: readonly string[];
  models: readonly string[];
  partners: readonly string[];
  /** The article's address and file name; by default the title, transliterated. */
  slug?: string;
}

export interface NewArticleOptions {
  /** The editors' folder: `site.yaml`, `registry/` and `articles/`. */
  contentDir: string;
  /** The moment whose day, in the site's time zone, becomes the article's date. */
  now: Date;
}

export type NewArticleResult =
  | { ok: true; file: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** The whole body of a new article: an instruction, so nothing in it can pass for news. */
export const NEW_ARTICLE_BODY =
  "Replace this line with the article text in Markdown, preview it with `npm start`, then delete `draft: true` to publish it.";

function failure(file: string, ruleId: string, message: string, fix: string): NewArticleResult {
  return {
    ok: false,
    diagnostics: [{ file, ...START_OF_FILE, severity: "error", ruleId, message, fix }],
  };
}

/** A name alone stays a plain value, as editors write it; several become a list. */
function oneOrList(names: readonly string[]): string | string[] {
  return names.length === 1 && names[0] !== undefined ? names[0] : [...names];
}

function frontMatterFor(request: NewArticleRequest, date: string, registry: Registry) {
  const companies = request.companies.map((name) =>
    canonicalOrganizationName(registry, "company", name),
  );
  const models = request.models.map((name) => canonicalModelName(registry, name, companies));
  const partners = request.partners.map((name) => ({
    name: canonicalOrganizationName(registry, "partner", name),
    // Written out so the editor sees the field to change when talks or a deal are reported.
    status: "mentioned",
  }));
  return {
    title: request.title.trim(),
    date,
    company: oneOrList(companies),
    ...(models.length > 0 ? { models } : {}),
    ...(partners.length > 0 ? { partners } : {}),
    // Previews show drafts and production builds leave them out: nothing is published unread.
    draft: true,
  };
}

function articleText(frontMatter: object): string {
  return `---\n${stringify(frontMatter, { schema: "core" })}---\n\n${NEW_ARTICLE_BODY}\n`;
}

/**
 * Writes `articles/<slug>.md` dated today in the site's time zone, as a draft, with names in
 * the registry's spelling. The text is run through the article validator first and nothing
 * is written when it has an error; an existing file is never replaced.
 */
export async function createArticle(
  request: NewArticleRequest,
  options: NewArticleOptions,
): Promise<NewArticleResult> {
  const { contentDir } = options;
  const settingsResult = await loadSiteSettings(
    contentDir,
    displayPath(path.resolve(contentDir, SETTINGS_FILE)),
  );
  if (!settingsResult.ok) return settingsResult;
  const { timeZone } = settingsResult.settings;

  const slug = request.slug ?? slugifyText(request.title);
  const articlesDir = path.resolve(contentDir, ARTICLES_FOLDER);
  const absolutePath = path.join(articlesDir, `${slug}.md`);
  const file = displayPath(absolutePath);
  if (!isSafeSlug(slug)) {
    return failure(
      file,
      "unsafe-slug",
      request.slug === undefined
        ? `the title "${request.title}" gives no usable address`
        : `the slug "${slug}" may hold only lower-case letters, digits and hyphens`,
      "choose the address with `--slug`, for example `--slug chery-tiggo-4-pro-assembly`",
    );
  }

  // Registry problems are reported by `npm run check`; here it only supplies canonical names.
  const { registry } = await loadRegistry(contentDir);
  const text = articleText(frontMatterFor(request, todayIn(timeZone, options.now), registry));
  const { diagnostics } = validateArticle({ file, baseName: slug, text }, timeZone, registry);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const anotherSlug = `give the new article another address with \`--slug\`, for example \`--slug ${slug}-2\``;
  // On a case-sensitive disk `Chery-Plant.md` and `chery-plant.md` are two files, but not in a
  // colleague's checkout on macOS or Windows, where one would replace the other.
  const sameButCapitals = (await readdir(articlesDir).catch(() => [] as string[])).find(
    (name) => name !== `${slug}.md` && name.toLowerCase() === `${slug}.md`,
  );
  if (sameButCapitals !== undefined) {
    return failure(
      displayPath(path.join(articlesDir, sameButCapitals)),
      "article-exists",
      `an article with this file name in other capitals, ${sameButCapitals}, already exists; it was left unchanged`,
      anotherSlug,
    );
  }
  await mkdir(articlesDir, { recursive: true });
  try {
    // `wx` fails if the file exists, even one created since the name was chosen.
    await writeFile(absolutePath, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return failure(
      file,
      "article-exists",
      "an article with this file name already exists; it was left unchanged",
      anotherSlug,
    );
  }
  return { ok: true, file, diagnostics };
}
