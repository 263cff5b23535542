import { existsSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";
import { type StaticServer, serveFolder } from "../support/static-server.ts";

const CHROMIUM = "/usr/bin/chromium";
const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

// A missing browser fails this suite with the fix, except on CI, which must install it.
if (!existsSync(CHROMIUM) && process.env.CI !== "true") {
  throw new Error(
    `Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`,
  );
}

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
  server = await serveFolder(site.outputDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const resultLinks = () => page.locator(".pagefind-ui__result-link");

describe("site search", () => {
  it("finds a Chery article when a reader types Tiggo", async () => {
    await page.goto(`${server.origin}/search/`);
    await page.locator(".pagefind-ui__search-input").fill("Tiggo");
    await expect
      .poll(async () => (await resultLinks().allTextContents()).join("\n"))
      .toMatch(/Chery/);
  });

  it("narrows the results to one company with the company filter", async () => {
    await page.goto(`${server.origin}/search/`);
    await page.locator(".pagefind-ui__search-input").fill("plant");
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(1);
    const unfiltered = await resultLinks().count();
    await page.locator(".pagefind-ui__filter-name", { hasText: "company" }).click();
    await page.getByLabel(/^Chery/).check();
    await expect.poll(() => resultLinks().count()).toBeLessThan(unfiltered);
    const hrefs = await resultLinks().evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(site.readPage(href.replace(/^https?:\/\/[^/]+/, ""))).toContain(
        'data-pagefind-filter="company">Chery</a>',
      );
    }
  });

  it("runs the query the header's search form sends", async () => {
    await page.goto(`${server.origin}/articles/chery-localization-russia/`);
    await page.locator("#site-search-q").fill("Tiggo");
    await page.locator(".site-search button").click();
    await expect.poll(() => new URL(page.url()).search).toBe("?q=Tiggo");
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(0);
  });
});
