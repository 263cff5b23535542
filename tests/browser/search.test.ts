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

/** The number of results in the UI's message ("12 results for plant"), once it shows one. */
async function resultCount(): Promise<number> {
  const message = await page.locator(".pagefind-ui__message").textContent();
  const count = /^(\d+) results? for/.exec(message?.trim() ?? "")?.[1];
  return count === undefined ? 0 : Number(count);
}

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
    // Results arrive in steps and only the first few are shown: the UI's own count is final.
    await expect.poll(resultCount).toBeGreaterThan(1);
    const unfiltered = await resultCount();
    await page.locator(".pagefind-ui__filter-name", { hasText: "company" }).click();
    await page.getByLabel(/^Chery/).check();
    await expect.poll(resultCount).toBeLessThan(unfiltered);
    const hrefs = await resultLinks().evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(corpus.site.readPage(href.replace(/^https?:\/\/[^/]+/, ""))).toContain(
        '<a class="chip" href="/companies/chery/">Chery</a>',
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
