import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isValidTimeZone } from "../dates.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { readYamlData } from "../yaml/read-yaml-file.ts";

/** The site settings file, relative to the content folder. */
export const SETTINGS_FILE = "site.yaml";

const SETTINGS_HELP: Record<string, string> = {
  title: "name the site: `title: Auto News Digest`",
  description: "describe the site in one sentence",
  language: "use a language tag such as `en` or `ru`",
  baseUrl: "give the published address with a trailing slash: `baseUrl: https://news.example.org/`",
  timeZone: "use an IANA time zone such as `Europe/Moscow` or `UTC`",
  pageSize: "give how many articles a list page shows, from 1 to 100: `pageSize: 10`",
  archivePageSize:
    "give how many articles a page of a monthly archive shows, from 1 to 1000: `archivePageSize: 100`",
  digestPageSize:
    "give how many articles a page of a weekly digest shows, from 1 to 1000: `digestPageSize: 100`",
  cms: "name the repository the web editor opens pull requests on: `cms: { repo: newsroom/news-digest, branch: main }`",
};

/** Where the web editor at /admin/ reads and writes: a GitHub repository and its branch. */
const cmsSettings = z.strictObject(
  {
    repo: z
      .string({ error: "cms repo must be text" })
      .regex(/^[\w.-]+\/[\w.-]+$/, { error: "cms repo must be written owner/name" }),
    branch: z.string({ error: "cms branch must be text" }).trim().min(1).default("main"),
    /** The OAuth proxy that signs editors in to GitHub; Netlify's when absent. */
    baseUrl: z
      .url({
        protocol: /^https$/,
        error: "cms baseUrl must be a web address starting with https://",
      })
      .optional(),
  },
  { error: "cms must be `{ repo, branch, baseUrl }`" },
);

/** How many articles a page of a list shows: a whole number from 1 to `max`. */
function pageSizeSetting(name: string, max: number) {
  return z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be at least 1` })
    .max(max, { error: `${name} must be at most ${max}` });
}

export const siteSettingsSchema = z.strictObject({
  title: z.string({ error: "title must be text" }).trim().min(1, { error: "title is empty" }),
  description: z.string({ error: "description must be text" }).trim().default(""),
  language: z
    .string({ error: "language must be text" })
    .refine((tag) => Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0, {
      error: "language is not a known language tag",
    }),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "baseUrl must be a web address starting with https://" })
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  timeZone: z
    .string({ error: "timeZone must be text" })
    .refine(isValidTimeZone, { error: "timeZone is not a known time zone" }),
  pageSize: pageSizeSetting("pageSize", 100),
  // A month is read as one long list, so its pages hold more than other lists' do; in a
  // large newsroom a month has thousands of articles, too many for one page on a phone.
  archivePageSize: pageSizeSetting("archivePageSize", 1000).default(100),
  // A week is read as one list too, grouped by company; an article about two companies is
  // one card under each, so a busy week of a large newsroom has hundreds of cards.
  digestPageSize: pageSizeSetting("digestPageSize", 1000).default(100),
  cms: cmsSettings.optional(),
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;
export type CmsSettings = z.output<typeof cmsSettings>;

export type SettingsResult =
  | { ok: true; settings: SiteSettings }
  | { ok: false; diagnostics: Diagnostic[] };

/** Reads `site.yaml` from the content folder; `displayPath` is how messages name the file. */
export async function loadSiteSettings(
  contentDir: string,
  displayPath: string,
): Promise<SettingsResult> {
  let text: string;
  try {
    text = await readFile(path.join(contentDir, SETTINGS_FILE), "utf8");
  } catch {
    return {
      ok: false,
      diagnostics: [
        {
          file: displayPath,
          line: 1,
          column: 1,
          severity: "error",
          ruleId: "missing-settings",
          message: "the site settings file is missing",
          fix: `create ${displayPath} with title, language, baseUrl, timeZone and pageSize`,
        },
      ],
    };
  }
  const result = readYamlData(text, displayPath, siteSettingsSchema, {
    fieldHelp: SETTINGS_HELP,
    describedAs: "the site settings",
  });
  return result.ok ? { ok: true, settings: result.value } : result;
}
