import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS,
  type PageProblems,
  requireChromium,
  type ServedCorpus,
  serveCorpus,
  watchForProblems,
} from "../support/browser.ts";
import {
  fixturePublishedAt,
  PROJECT_SITE_BASE_URL,
  PROJECT_SITE_PATH,
} from "../support/published-under-path.ts";

requireChromium();

let corpus: ServedCorpus;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  // Served only below the path, as GitHub Pages serves a project site: a link from the root fails.
  corpus = await serveCorpus(
    await fixturePublishedAt(CORPUS, PROJECT_SITE_BASE_URL),
    PROJECT_SITE_PATH,
  );
  page = await corpus.browser.newPage();
  problems = watchForProblems(page);
});

afterAll(async () => {
  await corpus?.close();
});

/** Clicks a link and waits for the page it leads to; returns where it led. */
async function follow(link: Locator): Promise<string> {
  const href = (await link.getAttribute("href")) ?? "";
  await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
  return new URL(page.url()).pathname;
}

const backgroundOf = (locator: Locator) =>
  locator.evaluate(
    (element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor,
  );

describe("a site published under a path, in a browser", () => {
  it("goes from the home page to an article and its company, styled all the way", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(corpus.url("/"));
    // The site's light background, #fbfaf7: the stylesheet loaded from below the path.
    expect(await backgroundOf(page.locator("body"))).toBe("rgb(251, 250, 247)");

    const article = await follow(page.locator(".article-list .article-card__title a").first());
    expect(article).toMatch(/^\/news-digest\/articles\/[a-z0-9-]+\/$/u);
    expect(await backgroundOf(page.locator("body"))).toBe("rgb(251, 250, 247)");

    const company = await follow(page.locator(".article__tags .chip").first());
    expect(company).toMatch(/^\/news-digest\/companies\/[a-z0-9-]+\/$/u);
    expect(await page.locator("main h1").textContent()).toBeTruthy();
    expect(await backgroundOf(page.locator("body"))).toBe("rgb(251, 250, 247)");

    const home = await follow(page.locator(".site-name"));
    expect(home).toBe("/news-digest/");
    expect(problems.take()).toEqual([]);
  });

  it("finds an article from the header's search box and links the result below the path", async () => {
    await page.goto(corpus.url("/articles/chery-localization-russia/"));
    // The article page's requests are checked above; leaving it may cancel its favicon.
    problems.take();
    await page.locator("#site-search-q").fill("Tiggo");
    await page.locator(".site-search button").click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
      .toBe("/news-digest/search/");
    const results = page.locator(".pagefind-ui__result-link");
    // The index loads from below the path on first use: allow a loaded machine its time.
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const href = (await results.first().getAttribute("href")) ?? "";
    expect(new URL(href, page.url()).pathname).toMatch(/^\/news-digest\/articles\/[a-z0-9-]+\/$/u);
    // Every request of the search page answered; leaving it may cancel Pagefind's last ones.
    expect(problems.take()).toEqual([]);
    await Promise.all([
      page.waitForURL((url) => url.href === new URL(href, page.url()).href),
      results.first().click(),
    ]);
    expect(await page.locator("main h1").textContent()).toBeTruthy();
  });
});
