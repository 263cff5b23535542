import { readdir } from "node:fs/promises";
import path from "node:path";
import { absoluteUrl, outputFileOf, siteUrlOf } from "../urls.ts";

/**
 * Whether the addresses a written page refers to lead to files of the build. Addresses are
 * read as a browser reads them, against the page's published address; those of the site
 * (its origin, below its path) must name a file in the output, with the path taken off.
 */

/** Every file of the output, as its path inside it: `companies/chery/index.html`. */
export async function outputFiles(outputDir: string): Promise<Set<string>> {
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  const files = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(
      outputDir,
      path.join(entry.parentPath ?? entry.path, entry.name),
    );
    files.add(relative.split(path.sep).join("/"));
  }
  return files;
}

/** `companies/chery/index.html` → `/companies/chery/`; `404.html` → `/404.html`. */
export function siteUrlOfFile(file: string): string {
  return file === "index.html" || file.endsWith("/index.html")
    ? `/${file.slice(0, -"index.html".length)}`
    : `/${file}`;
}

export interface LinkSite {
  baseUrl: string;
  /** The path of `baseUrl`: `/news-digest/` or `/`. */
  pathPrefix: string;
  files: ReadonlySet<string>;
}

/** A scheme (`https:`, `mailto:`) or `//host`: written as a full address. */
const FULL_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/iu;

function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

function isWritten(siteUrl: string, files: ReadonlySet<string>): boolean {
  if (files.has(outputFileOf(siteUrl))) return true;
  // `/companies/chery` is answered by its folder's page, as static servers do.
  return !siteUrl.endsWith("/") && files.has(outputFileOf(`${siteUrl}/`));
}

/** What is wrong with an address, in words (`links to …, but …`), and the site URL it names. */
export interface LinkProblem {
  message: string;
  target?: string;
}

/**
 * What is wrong with one address of the page at `pageUrl` (a site URL); undefined when it is
 * fine or not the site's: another site, `mailto:`, a fragment of the page itself, or a full
 * address on the site's host outside its path (another site published beside it).
 */
export function linkProblem(
  pageUrl: string,
  link: string,
  site: LinkSite,
): LinkProblem | undefined {
  if (link === "" || link.startsWith("#")) return undefined;
  const base = new URL(absoluteUrl(site.baseUrl, pageUrl));
  let target: URL;
  try {
    target = new URL(link, base);
  } catch {
    return { message: `links to ${link}, which is not an address` };
  }
  if (target.origin !== base.origin) return undefined;
  const targetPath = decodedPath(target);
  if (targetPath === undefined) return { message: `links to ${link}, which is not an address` };
  const siteUrl = siteUrlOf(site.pathPrefix, targetPath);
  if (siteUrl === undefined) {
    return FULL_ADDRESS.test(link)
      ? undefined
      : { message: `links to ${link}, outside the site's path ${site.pathPrefix}` };
  }
  return isWritten(siteUrl, site.files)
    ? undefined
    : {
        message: `links to ${link}, but the build wrote no ${outputFileOf(siteUrl)}`,
        target: siteUrl,
      };
}

/**
 * `linkProblem`, remembering its answer for each address that starts with `/`: such an address
 * leads to the same place from every page of the site, since only the page's origin is used
 * to read it, and the layout writes the same few of them on every page.
 */
export function linkChecker(
  site: LinkSite,
): (pageUrl: string, link: string) => LinkProblem | undefined {
  const answers = new Map<string, LinkProblem | undefined>();
  return (pageUrl, link) => {
    if (!link.startsWith("/")) return linkProblem(pageUrl, link, site);
    if (answers.has(link)) return answers.get(link);
    const answer = linkProblem(pageUrl, link, site);
    answers.set(link, answer);
    return answer;
  };
}
