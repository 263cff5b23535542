import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
// Not from build-fixture.ts: unit tests that write content should not load Eleventy.
import { temporaryFolder } from "./temporary-folder.ts";

/** What a content folder holds: `site.yaml`, the optional registry files and the articles. */
export interface ContentFolderFiles {
  /** The text of `site.yaml`; `siteYaml()` when left out. */
  site?: string;
  /** The text of each registry file; a file left out is not written. */
  registry?: { companies?: string; models?: string; partners?: string };
  /** Article texts by path below `articles/`: `{ "chery-localization.md": "---\n…" }`. */
  articles?: Record<string, string>;
}

const created: string[] = [];

/** `site.yaml` as the editors write it, with the time zone that decides "today". */
export function siteYaml(timeZone = "Europe/Moscow"): string {
  return [
    "title: Auto Industry Digest",
    "description: News about carmakers, their models and partners.",
    "language: en",
    "baseUrl: https://news-digest.example.org/",
    `timeZone: ${timeZone}`,
    "pageSize: 10",
    "",
  ].join("\n");
}

/**
 * An article file: the front-matter lines between two `---` fences, then the body.
 * The first front-matter line is line 2 of the file.
 */
export function articleText(frontMatter: readonly string[], body?: string): string {
  const text =
    body ??
    "Chery is in talks with several Russian manufacturers about assembling its cars locally.";
  return ["---", ...frontMatter, "---", "", text, ""].join("\n");
}

/** Writes a content folder into a fresh temporary folder and returns its path. */
export async function createContentFolder(files: ContentFolderFiles): Promise<string> {
  const dir = await temporaryFolder("content");
  created.push(dir);
  await writeFile(path.join(dir, "site.yaml"), files.site ?? siteYaml());
  for (const [name, text] of Object.entries(files.registry ?? {})) {
    await mkdir(path.join(dir, "registry"), { recursive: true });
    await writeFile(path.join(dir, "registry", `${name}.yaml`), text);
  }
  for (const [name, text] of Object.entries(files.articles ?? {})) {
    const file = path.join(dir, "articles", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}

/** Removes every folder `createContentFolder` made; call it from `afterEach`. */
export async function removeContentFolders(): Promise<void> {
  const dirs = created.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * Two articles whose models would share one address: company "Chery Tiggo" with model
 * "4 Pro" and company "Chery" with model "Tiggo 4 Pro" are both `/models/chery-tiggo-4-pro/`.
 * Each `models:` line is line 5, the name at column 10.
 */
export function modelsSharingAnAddress(): ContentFolderFiles {
  return {
    articles: {
      "chery-tiggo-4-pro-prices.md": articleText([
        "title: Chery Tiggo 4 Pro prices rise by 5 percent",
        "date: 2022-06-02",
        "company: Chery Tiggo",
        "models: [4 Pro]",
      ]),
      "chery-tiggo-4-pro-assembly.md": articleText([
        "title: Chery starts Tiggo 4 Pro assembly in Kaliningrad",
        "date: 2022-06-01",
        "company: Chery",
        "models: [Tiggo 4 Pro]",
      ]),
    },
  };
}
