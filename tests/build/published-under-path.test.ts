import { readdirSync, readFileSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../../src/build/load-news.ts";
import { checkCompleteness } from "../../src/output/check-completeness.ts";
import { type BuiltSite, buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";
import { attributeValues, parseHtml } from "../support/html.ts";
import {
  fixturePublishedAt,
  PROJECT_SITE_BASE_URL,
  PROJECT_SITE_PATH,
} from "../support/published-under-path.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const ROOT_BASE_URL = "https://news-digest.example.org/";

/** The corpus published at `baseUrl`, with Chery's former name, so the build writes a redirect. */
async function corpusAt(baseUrl: string): Promise<string> {
  const copy = await fixturePublishedAt(CORPUS, baseUrl);
  const companies = path.join(copy, "registry/companies.yaml");
  const yaml = await readFile(companies, "utf8");
  await writeFile(
    companies,
    yaml.replace("  - name: Chery\n", "$&    formerly: [Chery Automobile]\n"),
  );
  return copy;
}

let underPathContent: string;
let underPath: BuiltSite;
let atRoot: BuiltSite;

beforeAll(async () => {
  underPathContent = await corpusAt(PROJECT_SITE_BASE_URL);
  underPath = await buildFixtureSite(underPathContent);
  atRoot = await buildFixtureSite(await corpusAt(ROOT_BASE_URL));
});

afterAll(async () => {
  await underPath?.remove();
  await atRoot?.remove();
});

/** Every address a page refers to: href, src, each srcset candidate, action, a meta refresh. */
function addressesOf(html: string): string[] {
  const root = parseHtml(html);
  const refresh = attributeValues(root, 'meta[http-equiv="refresh"]', "content").map((content) =>
    content.replace(/^\d+;\s*url=/u, ""),
  );
  return [
    ...attributeValues(root, "[href]", "href"),
    ...attributeValues(root, "[src]", "src"),
    ...attributeValues(root, "[srcset]", "srcset").flatMap((srcset) =>
      srcset.split(",").map((candidate) => candidate.trim().split(/\s+/u)[0] ?? ""),
    ),
    ...attributeValues(root, "[action]", "action"),
    ...refresh,
  ];
}

/** Fine at any depth of a site under a path: below the path, another site, or this page. */
const publishedAddress = (address: string) =>
  address.startsWith(PROJECT_SITE_PATH) ||
  address.startsWith("#") ||
  /^(?:https?:|mailto:)/u.test(address);

/** The site URL of a published path: `/news-digest/companies/chery/` → `/companies/chery/`. */
const siteUrl = (address: string) => `/${address.slice(PROJECT_SITE_PATH.length)}`;

function textFiles(outputDir: string): string[] {
  return (
    readdirSync(outputDir, { recursive: true, encoding: "utf8" })
      .map((name) => name.split(path.sep).join("/"))
      .filter((name) => /\.(?:html|xml|json|webmanifest|txt|css|js)$|^_headers$/u.test(name))
      // Copied as they are, not written from the site's data.
      .filter((name) => !name.startsWith("pagefind/") && !name.startsWith("assets/"))
      .sort()
  );
}

describe("a site published under a path", () => {
  it("links every page, asset and form of every page below the path", () => {
    const outside = underPath.pages().flatMap((page) =>
      addressesOf(underPath.readPage(page))
        .filter((address) => !publishedAddress(address))
        .map((address) => `${page}: ${address}`),
    );
    expect(outside).toEqual([]);
  });

  it("finds a file in the output for every address below the path, the path taken off", () => {
    const missing = underPath.pages().flatMap((page) =>
      addressesOf(underPath.readPage(page))
        .filter((address) => address.startsWith(PROJECT_SITE_PATH))
        .filter((address) => underPath.fileFor(siteUrl(address)) === undefined)
        .map((address) => `${page}: ${address}`),
    );
    expect(missing).toEqual([]);
  });

  it("styles its pages from the stylesheet below the path", () => {
    const home = parseHtml(underPath.readPage("/"));
    expect(attributeValues(home, 'link[rel="stylesheet"]', "href")).toEqual([
      "/news-digest/assets/site.css",
    ]);
    expect(attributeValues(home, "form.site-search", "action")).toEqual(["/news-digest/search/"]);
  });

  it("publishes an editor's link to a site page and the linked names of the text below the path", () => {
    const article = parseHtml(underPath.readPage("/articles/chery-parts-warehouse-moscow/"));
    const bodyLinks = attributeValues(article, ".article__body a", "href");
    expect(bodyLinks).toContain("/news-digest/companies/chery/");
    expect(bodyLinks.filter((href) => !/^https?:/u.test(href))).toEqual(
      bodyLinks.filter((href) => href.startsWith(PROJECT_SITE_PATH)),
    );
  });

  it("links the 404 page, served at any depth, with full paths below the path", () => {
    const notFound = parseHtml(underPath.readPage("/404.html"));
    expect(attributeValues(notFound, "main a", "href")[0]).toBe("/news-digest/");
    expect(attributeValues(notFound, 'link[rel="icon"]', "href")).toEqual([
      "/news-digest/assets/favicon.svg",
    ]);
  });

  it("sends a former name's page to its current page below the path", () => {
    const redirect = parseHtml(underPath.readPage("/companies/chery-automobile/"));
    expect(attributeValues(redirect, 'meta[http-equiv="refresh"]', "content")).toEqual([
      "0; url=/news-digest/companies/chery/",
    ]);
    expect(attributeValues(redirect, 'link[rel="canonical"]', "href")).toEqual([
      "https://newsroom.github.io/news-digest/companies/chery/",
    ]);
    expect(attributeValues(redirect, "body a", "href")).toEqual(["/news-digest/companies/chery/"]);
  });

  it("starts the installed app, and takes its icons, below the path", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(underPath.outputDir, "manifest.webmanifest"), "utf8"),
    );
    expect(manifest.start_url).toBe("/news-digest/");
    expect(manifest.scope).toBe("/news-digest/");
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual([
      "/news-digest/assets/favicon.svg",
      "/news-digest/assets/icon-192.png",
      "/news-digest/assets/icon-512.png",
    ]);
  });

  it("tells the search script where the site and its search files are", () => {
    const search = parseHtml(underPath.readPage("/search/"));
    const element = search.querySelector("#search");
    expect(element?.getAttribute("data-base-url")).toBe("/news-digest/");
    expect(element?.getAttribute("data-bundle-path")).toBe("/news-digest/pagefind/");
    expect(attributeValues(search, "script[src]", "src")).toEqual([
      "/news-digest/pagefind/pagefind-ui.js",
      "/news-digest/assets/search.js",
    ]);
  });

  it("gives feeds full addresses below the base URL, body links included", () => {
    const feed = JSON.parse(readFileSync(path.join(underPath.outputDir, "feed.json"), "utf8"));
    expect(feed.home_page_url).toBe(PROJECT_SITE_BASE_URL);
    const hrefs = (feed.items as Array<{ url: string; content_html: string }>).flatMap((item) => [
      item.url,
      ...Array.from(item.content_html.matchAll(/href="([^"]*)"/gu), ([, href = ""]) => href),
    ]);
    expect(hrefs).toContain("https://newsroom.github.io/news-digest/companies/chery/");
    const ownHost = hrefs.filter((href) => !/^https?:/u.test(href) || href.includes("github.io"));
    expect(ownHost.filter((href) => !href.startsWith(PROJECT_SITE_BASE_URL))).toEqual([]);
  });

  it("sets its response headers for the paths below the path", () => {
    const headers = readFileSync(path.join(underPath.outputDir, "_headers"), "utf8");
    expect(headers.split("\n")[0]).toBe("/news-digest/*");
  });

  it("differs from the same site published at a root only by its path", () => {
    const atRootOf = (text: string) =>
      text.replaceAll(PROJECT_SITE_BASE_URL, ROOT_BASE_URL).replaceAll(PROJECT_SITE_PATH, "/");
    const files = textFiles(underPath.outputDir);
    expect(files).toEqual(textFiles(atRoot.outputDir));
    for (const file of files) {
      const published = readFileSync(path.join(underPath.outputDir, file), "utf8");
      const root = readFileSync(path.join(atRoot.outputDir, file), "utf8");
      expect(atRootOf(published), file).toBe(root);
    }
    expect(atRoot.readPage("/")).toContain('<link rel="stylesheet" href="/assets/site.css">');
    expect(underPath.readPage("/")).toContain(
      '<link rel="stylesheet" href="/news-digest/assets/site.css">',
    );
  });

  it("fails the completeness check with a page that links from the root instead of the path", async () => {
    const { site } = await loadSite({ contentDir: underPathContent, includeDrafts: false });
    if (!site) throw new Error("The corpus under a path did not load");
    const news = site.plan;
    const copy = path.join(await temporaryFolder("under-path"), "_site");
    await cp(underPath.outputDir, copy, { recursive: true });
    expect(await checkCompleteness(copy, news)).toEqual([]);

    const page = path.join(copy, "companies/chery/index.html");
    const html = await readFile(page, "utf8");
    await writeFile(
      page,
      html.replace("</main>", '<a href="/models/chery-tiggo-4-pro/">Tiggo 4 Pro</a></main>'),
    );

    expect(await checkCompleteness(copy, news)).toEqual([
      expect.objectContaining({
        ruleId: "incomplete-build",
        file: "/companies/chery/",
        message:
          "/companies/chery/ links to /models/chery-tiggo-4-pro/, outside the site's path /news-digest/",
      }),
    ]);
    await rm(path.dirname(copy), { recursive: true, force: true });
  });
});
