import path from "node:path";
import { loadArticles } from "./content/load-articles.ts";
import { displayPath } from "./content/read-article-files.ts";
import { type Diagnostic, hasErrors } from "./diagnostics/diagnostic.ts";
import { buildSiteData, type News } from "./pages/site-data.ts";
import { loadSiteSettings, SETTINGS_FILE } from "./settings/site-settings.ts";
import { buildTermIndex } from "./taxonomy/build-term-index.ts";

export interface NewsOptions {
  /** The editors' folder: `site.yaml` and `articles/`. */
  contentDir: string;
  /** Drafts are shown in previews and never in production. */
  includeDrafts: boolean;
}

export interface NewsResult {
  /** Present only when there is no error. */
  news?: News;
  diagnostics: Diagnostic[];
}

/**
 * Loads, validates and indexes all content, and computes every page's data. Nothing is
 * written: this is what `check` runs, and what the build runs before Eleventy starts.
 */
export async function loadNews(options: NewsOptions): Promise<NewsResult> {
  const settingsResult = await loadSiteSettings(
    options.contentDir,
    displayPath(path.resolve(options.contentDir, SETTINGS_FILE)),
  );
  if (!settingsResult.ok) return { diagnostics: settingsResult.diagnostics };
  const { settings } = settingsResult;
  const { articles, diagnostics } = await loadArticles(options.contentDir, settings.timeZone);
  if (hasErrors(diagnostics)) return { diagnostics };
  const published = options.includeDrafts ? articles : articles.filter((article) => !article.draft);
  const news = buildSiteData(settings, published, buildTermIndex(published));
  return { news, diagnostics };
}
