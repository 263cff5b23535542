import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../project-paths.ts";
import { adminMetaPolicy, REFERRER_POLICY } from "../security-policy.ts";
import type { SiteSettings } from "../settings/site-settings.ts";
import { adminUrl, outputFileOf } from "../urls.ts";
import { decapConfigYaml } from "./decap-config.ts";

/** A file the build writes beside the pages Eleventy writes: its text, or a file to copy. */
export type ExtraOutputFile = { url: string } & ({ text: string } | { copyOf: string });

/** Decap CMS's prebuilt bundle, as its npm package ships it: React included, nothing fetched. */
const DECAP_BUNDLE = createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js");

export const ADMIN_SCRIPT_URL = adminUrl("decap-cms.js");
export const ADMIN_SLUG_SCRIPT_URL = adminUrl("slug.js");

export interface AdminOptions {
  settings: SiteSettings;
  /** The content folder. */
  contentDir: string;
  /** The repository the editor writes to; the project itself unless told otherwise. */
  repoRoot?: string;
  /** The local backend's API address (`npm run cms`); the GitHub backend when absent. */
  localBackend?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function adminPage(settings: SiteSettings, localBackend?: string): string {
  const policy = localBackend ? adminMetaPolicy(new URL(localBackend).origin) : adminMetaPolicy();
  return `<!doctype html>
<html lang="${escapeHtml(settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="${REFERRER_POLICY}">
<meta name="robots" content="noindex">
<title>Editor · ${escapeHtml(settings.title)}</title>
<link rel="icon" href="data:,">
<script src="${ADMIN_SCRIPT_URL}" defer></script>
<script src="${ADMIN_SLUG_SCRIPT_URL}" defer></script>
</head>
<body></body>
</html>
`;
}

/** The slug script with what it imports, as one script for the browser. */
async function slugScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PROJECT_ROOT, "src/admin/slug-script.ts")],
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    target: "es2020",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * The web editor at /admin/: its page, its configuration made from the article schema and
 * the site settings, Decap's bundle and the slug script. Nothing when the site names no
 * repository (`cms:` in site.yaml) and no local backend is asked for.
 */
export async function adminFiles(options: AdminOptions): Promise<ExtraOutputFile[]> {
  const { settings, localBackend } = options;
  const cms =
    settings.cms ??
    // The local backend reads the folder it serves; the repository's name is not used.
    (localBackend ? { repo: "local/news-digest", branch: "main" } : undefined);
  if (!cms) return [];
  const repoRoot = path.resolve(options.repoRoot ?? PROJECT_ROOT);
  const contentPath = path
    .relative(repoRoot, path.resolve(options.contentDir))
    .split(path.sep)
    .join("/");
  return [
    { url: adminUrl(), text: adminPage(settings, localBackend) },
    {
      url: adminUrl("config.yml"),
      text: decapConfigYaml({
        cms,
        contentPath,
        siteUrl: settings.baseUrl,
        ...(localBackend ? { localBackend } : {}),
      }),
    },
    { url: ADMIN_SCRIPT_URL, copyOf: DECAP_BUNDLE },
    { url: ADMIN_SLUG_SCRIPT_URL, text: await slugScript() },
  ];
}

/** Writes extra files into an output folder, each at the file its URL is served from. */
export async function writeExtraFiles(
  outputDir: string,
  files: readonly ExtraOutputFile[],
): Promise<void> {
  for (const file of files) {
    const target = path.join(outputDir, outputFileOf(file.url));
    await mkdir(path.dirname(target), { recursive: true });
    if ("copyOf" in file) await copyFile(file.copyOf, target);
    else await writeFile(target, file.text, "utf8");
  }
}
