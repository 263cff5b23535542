import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { News } from "../../src/site/news.ts";
import { CORPUS, requireChromium, type ServedCorpus, serveCorpus } from "../support/browser.ts";
import { fixtureNews } from "../support/fixture-news.ts";

requireChromium();

/** The corpus indexed in 8 shards of about 4 articles, and in one index. */
let sharded: ServedCorpus;
let single: ServedCorpus;
let page: Page;
let news: News;

beforeAll(async () => {
  // One after the other: a build closes the Pagefind process it shares with the other.
  sharded = await serveCorpus(CORPUS, "/", { recordsPerShard: 4 });
  single = await serveCorpus();
  news = await fixtureNews();
  page = await sharded.browser.newPage();
}, 180_000);

afterAll(async () => {
  await Promise.all([sharded?.close(), single?.close()]);
});

/** The UI loads every shard's entry file before its first results. */
const SEARCH_TIMEOUT = { timeout: 10_000 };

const resultLinks = () => page.locator(".pagefind-ui__result-link");

/** The number of results in the UI's message ("12 results for plant"), once it shows one. */
async function resultCount(): Promise<number> {
  const message = await page.locator(".pagefind-ui__message").textContent();
  const count = /^(\d+) results? for/.exec(message?.trim() ?? "")?.[1];
  return count === undefined ? 0 : Number(count);
}

/** Searches one served site through its page and returns the UI's count of all results. */
async function search(corpus: ServedCorpus, query: string): Promise<number> {
  await page.goto(corpus.url(`/search/?q=${encodeURIComponent(query)}`));
  await expect.poll(resultCount, SEARCH_TIMEOUT).toBeGreaterThan(0);
  return resultCount();
}

/** Published articles tagged with any term whose page URL passes `isTerm`. */
function taggedWith(isTerm: (url: string) => boolean): string[] {
  return news.articles
    .filter((article) =>
      [...article.companies, ...article.models, ...article.partners].some((term) =>
        isTerm(term.url),
      ),
    )
    .map((article) => article.url);
}

describe("site search", () => {
  it("finds a Chery article when a reader types Tiggo", async () => {
    await page.goto(sharded.url("/search/"));
    await page.locator(".pagefind-ui__search-input").fill("Tiggo");
    await expect
      .poll(async () => (await resultLinks().allTextContents()).join("\n"), SEARCH_TIMEOUT)
      .toMatch(/Chery/);
  });

  it("narrows the results to one company with the company filter", async () => {
    await page.goto(sharded.url("/search/"));
    await page.locator(".pagefind-ui__search-input").fill("plant");
    // Results arrive in steps and only the first few are shown: the UI's own count is final.
    await expect.poll(resultCount, SEARCH_TIMEOUT).toBeGreaterThan(1);
    const unfiltered = await resultCount();
    await page.locator(".pagefind-ui__filter-name", { hasText: "company" }).click();
    await page.getByLabel(/^Chery/).check();
    await expect.poll(resultCount, SEARCH_TIMEOUT).toBeLessThan(unfiltered);
    const hrefs = await resultLinks().evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(sharded.site.readPage(href.replace(/^https?:\/\/[^/]+/, ""))).toContain(
        '<a class="chip" href="/companies/chery/">Chery</a>',
      );
    }
  });

  it("runs the query the header's search form sends", async () => {
    await page.goto(sharded.url("/articles/chery-localization-russia/"));
    await page.locator("#site-search-q").fill("Tiggo");
    await page.locator(".site-search button").click();
    await expect.poll(() => new URL(page.url()).search).toBe("?q=Tiggo");
    await expect.poll(() => resultLinks().count(), SEARCH_TIMEOUT).toBeGreaterThan(0);
  });
});

describe("what readers type", () => {
  // Every registered spelling, in both scripts, and the spellings articles use.
  const QUERIES = [
    { query: "Tiggo", terms: (url: string) => url.startsWith("/models/chery-tiggo-") },
    { query: "Chery", terms: (url: string) => url === "/companies/chery/" },
    { query: "Чери", terms: (url: string) => url === "/companies/chery/" },
    { query: "Moskvich", terms: (url: string) => url === "/partners/moskvich/" },
    { query: "Москвич", terms: (url: string) => url === "/partners/moskvich/" },
    { query: "UAZ", terms: (url: string) => url === "/partners/uaz/" },
    { query: "GAZ", terms: (url: string) => url === "/partners/gaz/" },
  ];

  it.each(QUERIES)(
    "$query finds every article tagged with it, on merged shards as on one index",
    async ({ query, terms }) => {
      const tagged = taggedWith(terms);
      expect(tagged.length).toBeGreaterThan(0);
      const merged = await search(sharded, query);
      expect(merged).toBeGreaterThanOrEqual(tagged.length);
      expect(merged).toBe(await search(single, query));
    },
    60_000,
  );

  it("finds on merged shards at least what one index finds for several words", async () => {
    // Pagefind ignores a word its index lacks: a shard without "Tiggo" answers "8 Pro Max".
    const tagged = taggedWith((url) => url === "/models/chery-tiggo-8-pro-max/");
    const single8 = await search(single, "Tiggo 8 Pro Max");
    expect(single8).toBe(tagged.length);
    expect(await search(sharded, "Tiggo 8 Pro Max")).toBeGreaterThanOrEqual(single8);
  });

  it("finds the same articles for Москвич and Moskvich", async () => {
    expect(await search(sharded, "Москвич")).toBe(await search(sharded, "Moskvich"));
  });

  it("ranks an article tagged with UAZ above one that only mentions it", async () => {
    const tagged = taggedWith((url) => url === "/partners/uaz/");
    await search(sharded, "UAZ");
    const first = await resultLinks().evaluateAll((links) =>
      links.map((link) => new URL(link.getAttribute("href") ?? "", "http://x").pathname),
    );
    expect(first.slice(0, tagged.length).sort()).toEqual([...tagged].sort());
  });
});
