import { readdirSync, readFileSync, statSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { register } from "tsx/esm/api";
import { afterAll, beforeAll, expect } from "vitest";
import { type BuildOptions, type BuildResult, buildSite } from "../../src/build/build-site.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import {
  type ContentFolderFiles,
  createContentFolder,
  removeContentFolders,
} from "./content-folder.ts";
import { temporaryFolder } from "./temporary-folder.ts";

export { temporaryFolder };

// Eleventy imports `.eleventy.ts` with Node's own loader, which Vitest does not serve and
// Node 20 cannot read: the command line runs under tsx, so the tests register it too.
register();

/** A production build of a fixture folder, and ways to look at what it wrote. */
export interface BuiltSite {
  outputDir: string;
  result: BuildResult;
  /** Every HTML page as a site URL, sorted: `/`, `/404.html`, `/articles/chery-tiggo-7-pro/`. */
  pages(): string[];
  /** The HTML of the page at a site URL; throws when the build wrote no such page. */
  readPage(url: string): string;
  /** The file a site URL is served from, as a static server would find it; undefined if none. */
  fileFor(url: string): string | undefined;
  /** Deletes the output and its temporary parent folder. */
  remove(): Promise<void>;
}

/** A temporary copy of a fixture content folder, for tests that change it. */
export async function copyFixture(fixtureDir: string): Promise<string> {
  const copy = path.join(await temporaryFolder("content"), "content");
  await cp(fixtureDir, copy, { recursive: true });
  return copy;
}

/** Every file of a built site by its path inside the site, with its bytes as text, sorted. */
export function filesOf(site: string): Map<string, string> {
  const files = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)));
  return new Map(files.sort().map((file) => [file, readFileSync(path.join(site, file), "latin1")]));
}

/**
 * Asserts that the site in `site` holds exactly the files of `expectedSite`, byte for byte:
 * the same paths, and no file whose bytes differ (named, so a failure says which).
 */
export function expectSameFiles(site: string, expectedSite: string): void {
  const shown = filesOf(site);
  const expected = filesOf(expectedSite);
  expect([...shown.keys()]).toEqual([...expected.keys()]);
  const differing = [...expected].filter(([file, bytes]) => shown.get(file) !== bytes);
  expect(differing.map(([file]) => file)).toEqual([]);
}

function listHtmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".html"))
    .map((name) => name.split(path.sep).join("/"));
}

/** `companies/chery/index.html` → `/companies/chery/`; `404.html` → `/404.html`. */
function urlOfFile(relativeFile: string): string {
  return relativeFile === "index.html" || relativeFile.endsWith("/index.html")
    ? `/${relativeFile.slice(0, -"index.html".length)}`
    : `/${relativeFile}`;
}

/**
 * Builds a fixture content folder with the production build into a temporary folder. A build
 * that stops on content errors throws with the report, so a broken fixture fails loudly.
 */
export async function buildFixtureSite(
  fixtureDir: string,
  options: Omit<BuildOptions, "contentDir" | "outputDir"> = {},
): Promise<BuiltSite> {
  // The build stages its work beside the output folder: keep both inside one temporary parent.
  const parent = await temporaryFolder("site");
  const outputDir = path.join(parent, "_site");
  const result = await buildSite({ ...options, contentDir: fixtureDir, outputDir });
  if (!result.ok) {
    await rm(parent, { recursive: true, force: true });
    throw new Error(
      `The fixture ${fixtureDir} did not build:\n${formatReport(result.diagnostics)}`,
    );
  }
  const pages = listHtmlFiles(outputDir).map(urlOfFile).sort();

  const fileFor = (url: string): string | undefined => {
    const pathname = decodeURIComponent(url.replace(/[?#].*$/, ""));
    const file = path.join(outputDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file.startsWith(`${outputDir}${path.sep}`)) return undefined;
    return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
  };

  const cache = new Map<string, string>();
  return {
    outputDir,
    result,
    pages: () => [...pages],
    fileFor,
    readPage(url) {
      const cached = cache.get(url);
      if (cached !== undefined) return cached;
      const file = fileFor(url);
      if (!file) throw new Error(`The build wrote no page at ${url}`);
      const html = readFileSync(file, "utf8");
      cache.set(url, html);
      return html;
    },
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}

/**
 * The production build of a content folder made of `files`, shared by the tests of one file:
 * built before them, deleted after them with the folder. Read it only inside tests.
 */
export function siteBuiltOnce(files: ContentFolderFiles): BuiltSite {
  let built: BuiltSite | undefined;
  beforeAll(async () => {
    built = await buildFixtureSite(await createContentFolder(files));
  }, 120_000);
  afterAll(async () => {
    await built?.remove();
    await removeContentFolders();
  });
  const site = (): BuiltSite => {
    if (!built) throw new Error("The site is built before the tests and read only inside them");
    return built;
  };
  return {
    get outputDir() {
      return site().outputDir;
    },
    get result() {
      return site().result;
    },
    pages: () => site().pages(),
    readPage: (url) => site().readPage(url),
    fileFor: (url) => site().fileFor(url),
    remove: () => site().remove(),
  };
}
