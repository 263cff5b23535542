import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireChromium, type ServedCorpus, serveCorpus } from "../support/browser.ts";

requireChromium();

let corpus: ServedCorpus;
let page: Page;

beforeAll(async () => {
  corpus = await serveCorpus();
  page = await corpus.browser.newPage();
});

afterAll(async () => {
  await corpus?.close();
});

const resultLinks = () => page.locator(".pagefind-ui__result-link");

describe("site search", () => {
  it("finds a Chery article when a reader types Tiggo", async () => {
    await page.goto(`${corpus.server.origin}/search/`);
    await page.locator(".pagefind-ui__search-input").fill("Tiggo");
    await expect
      .poll(async () => (await resultLinks().allTextContents()).join("\n"))
      .toMatch(/Chery/);
  });

  it("narrows the results to one company with the company filter", async () => {
    await page.goto(`${corpus.server.origin}/search/`);
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
      expect(corpus.site.readPage(href.replace(/^https?:\/\/[^/]+/, ""))).toContain(
        'data-pagefind-filter="company">Chery</a>',
      );
    }
  });

  it("runs the query the header's search form sends", async () => {
    await page.goto(`${corpus.server.origin}/articles/chery-localization-russia/`);
    await page.locator("#site-search-q").fill("Tiggo");
    await page.locator(".site-search button").click();
    await expect.poll(() => new URL(page.url()).search).toBe("?q=Tiggo");
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(0);
  });
});
