import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type ConfigData, HtmlValidate, StaticConfigLoader } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { type HTMLElement, parseHtml } from "../support/html.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.join(ROOT, "tests/fixtures/corpus");
/** The corpus's `baseUrl`: absolute links to it (canonical, feeds) point into the site too. */
const SITE_ORIGIN = "https://news-digest.example.org";
const ARTICLE_BUDGET_BYTES = 60 * 1024;

let site: BuiltSite;
let documents: Map<string, HTMLElement>;

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
  documents = new Map(site.pages().map((url) => [url, parseHtml(site.readPage(url))]));
});

afterAll(async () => {
  await site?.remove();
});

/** Every URL an element of the page makes the browser fetch or offers to follow. */
function referencesOf(root: HTMLElement): string[] {
  const attribute = (selector: string, name: string) =>
    root.querySelectorAll(selector).flatMap((element) => element.getAttribute(name) ?? []);
  const srcsets = attribute("[srcset]", "srcset").flatMap((srcset) =>
    srcset.split(",").map((candidate) => candidate.trim().split(/\s+/u)[0] ?? ""),
  );
  return [...attribute("[href]", "href"), ...attribute("[src]", "src"), ...srcsets];
}

/** The site path a reference leads to, or undefined when it leaves the site. */
function sitePath(reference: string, pageUrl: string): string | undefined {
  const resolved = new URL(reference, new URL(pageUrl, SITE_ORIGIN));
  return resolved.origin === SITE_ORIGIN ? resolved.pathname : undefined;
}

describe("the built corpus", () => {
  // .htmlvalidate.json (JSON, so no comments there) turns off two rules only: no-trailing-whitespace,
  // as Nunjucks tags leave blank-but-indented lines that no reader sees, and long-title, an SEO
  // length hint that article headlines written by editors cannot promise to meet.
  it("passes html-validate's recommended rules on every HTML page", async () => {
    const config = JSON.parse(
      readFileSync(path.join(ROOT, ".htmlvalidate.json"), "utf8"),
    ) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const url of site.pages()) {
      const report = await validator.validateString(site.readPage(url), url);
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(
            `${url}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          );
        }
      }
    }
    expect(site.pages().length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it("has a file for every internal link, image, stylesheet and script of every page", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [url, root] of documents) {
      for (const reference of referencesOf(root)) {
        const target = sitePath(reference, url);
        if (target === undefined) continue;
        checked += 1;
        if (!site.fileFor(target)) missing.push(`${url} → ${reference}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
  });

  it("has an element for every in-page fragment link", () => {
    const missing = [...documents].flatMap(([url, root]) =>
      root
        .querySelectorAll('a[href^="#"]')
        .map((link) => link.getAttribute("href")?.slice(1) ?? "")
        .filter((id) => !root.getElementById(id))
        .map((id) => `${url} → #${id}`),
    );
    expect(missing).toEqual([]);
  });

  it("has a web app manifest named after the site, with a file for every icon it names", () => {
    const manifest = JSON.parse(readFileSync(site.fileFor("/manifest.webmanifest") ?? "", "utf8"));
    expect(manifest.name).toBe("Auto Industry Digest");
    const icons = (manifest.icons as Array<{ src: string }>).map((icon) => icon.src);
    expect(icons.length).toBeGreaterThan(0);
    expect(icons.filter((icon) => !site.fileFor(icon))).toEqual([]);
  });

  it("keeps every article page's HTML and stylesheets under 60 KB", () => {
    const articles = site.pages().filter((url) => url.startsWith("/articles/"));
    const sizes = articles.map((url) => {
      const stylesheets = (documents.get(url)?.querySelectorAll('link[rel="stylesheet"]') ?? [])
        .map((link) => site.fileFor(link.getAttribute("href") ?? ""))
        .map((file) => (file ? statSync(file).size : 0));
      const html = Buffer.byteLength(site.readPage(url));
      return { url, bytes: html + stylesheets.reduce((sum, size) => sum + size, 0) };
    });
    expect(articles.length).toBeGreaterThan(20);
    expect(sizes.filter(({ bytes }) => bytes >= ARTICLE_BUDGET_BYTES)).toEqual([]);
  });

  it("loads no script that blocks rendering: every external script is deferred or a module", () => {
    const blocking = [...documents].flatMap(([url, root]) =>
      root
        .querySelectorAll("script")
        .filter((script) => {
          const type = script.getAttribute("type");
          // JSON-LD and other data blocks are never run; only JavaScript can block.
          const isJavaScript = !type || type === "module" || /javascript/iu.test(type);
          const deferred = script.hasAttribute("defer") || type === "module";
          return isJavaScript && !deferred;
        })
        .map((script) => `${url}: ${script.toString().slice(0, 80)}`),
    );
    expect(blocking).toEqual([]);
  });
});
