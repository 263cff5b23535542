import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireChromium, type ServedCorpus, serveCorpus } from "../support/browser.ts";

requireChromium();

const SITE_TITLE = "Auto Industry Digest";

let corpus: ServedCorpus;
let page: Page;

beforeAll(async () => {
  corpus = await serveCorpus();
  page = await corpus.browser.newPage();
});

afterAll(async () => {
  await corpus?.close();
});

/** The text of one element, whitespace collapsed as a reader sees it. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/gu, " ").trim();
}

/** The texts of every matching element, in document order. */
async function textsOf(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.replace(/\s+/gu, " ").trim());
}

/** Clicks a link and waits for the page it leads to; returns the link's visible text. */
async function follow(link: Locator): Promise<string> {
  const text = await textOf(link);
  const href = await link.getAttribute("href");
  await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
  return text;
}

async function heading(): Promise<string> {
  return textOf(page.locator("main h1"));
}

describe("a reader browsing by clicks", () => {
  it("goes from the home page through an article, its company, a model and a partner back to an article", async () => {
    await page.goto(corpus.url("/"));
    expect(await page.title()).toBe(SITE_TITLE);

    const articleTitle = await follow(page.locator(".article-list .article-card__title a").first());
    expect(await heading()).toBe(articleTitle);
    expect(await page.title()).toBe(`${articleTitle} | ${SITE_TITLE}`);

    const company = await follow(page.locator(".article__tags .chip").first());
    expect(new URL(page.url()).pathname).toMatch(/^\/companies\//);
    expect(await heading()).toBe(company);
    expect(await page.title()).toBe(`${company} | ${SITE_TITLE}`);

    const model = await follow(page.locator(".term-models .chip").first());
    expect(new URL(page.url()).pathname).toMatch(/^\/models\//);
    expect(await heading()).toBe(model);
    expect(await page.title()).toBe(`${model} | ${SITE_TITLE}`);

    const partnerChip = page.locator('.article-list .chip[href^="/partners/"]').first();
    const partner = await follow(partnerChip);
    expect(await heading()).toBe(partner);
    expect(await page.title()).toBe(`${partner} | ${SITE_TITLE}`);

    const lastTitle = await follow(page.locator(".article-list .article-card__title a").first());
    expect(new URL(page.url()).pathname).toMatch(/^\/articles\//);
    expect(await heading()).toBe(lastTitle);
    expect(await page.title()).toBe(`${lastTitle} | ${SITE_TITLE}`);
  });

  it("reaches an article page's company through its breadcrumbs", async () => {
    await page.goto(corpus.url("/articles/chery-localization-russia/"));
    const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link");
    expect(await textsOf(crumbs)).toEqual([
      "Home",
      "Chery",
      "Chery makes localizing car assembly in Russia a top priority",
    ]);
    await follow(crumbs.nth(1));
    expect(await heading()).toBe("Chery");
  });

  it("offers keyboard users a skip link first, which moves focus to the main content", async () => {
    await page.goto(corpus.url("/articles/chery-localization-russia/"));
    await page.keyboard.press("Tab");
    const skipLink = page.locator(":focus");
    expect(await textOf(skipLink)).toBe("Skip to content");
    expect(await skipLink.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.locator(":focus").getAttribute("id")).toBe("main");
  });

  it("draws a visible outline around the link a keyboard user is on", async () => {
    await page.goto(corpus.url("/"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const outline = await page
      .locator(":focus")
      .evaluate(
        (element) => element.ownerDocument.defaultView?.getComputedStyle(element).outlineStyle,
      );
    expect(outline).toBe("solid");
  });

  it("prints an article without the navigation, the search box or the related articles", async () => {
    await page.goto(corpus.url("/articles/chery-localization-russia/"));
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator(".article__body").isVisible()).toBe(true);
      expect(await page.getByRole("navigation", { name: "Sections" }).isVisible()).toBe(false);
      expect(await page.getByRole("search").isVisible()).toBe(false);
      expect(await page.locator(".related").isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("turns the page dark when the reader's system prefers a dark scheme", async () => {
    const background = () =>
      page
        .locator("body")
        .evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);
    await page.goto(corpus.url("/"));
    await page.emulateMedia({ colorScheme: "light" });
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await background();
    await page.emulateMedia({ colorScheme: "light" });
    expect(light).toBe("rgb(251, 250, 247)");
    expect(dark).toBe("rgb(21, 23, 27)");
  });

  it("pages through Chery's three pages of articles and back with the pager", async () => {
    await page.goto(corpus.url("/companies/chery/"));
    const pager = page.getByRole("navigation", { name: "Pages of articles about Chery" });
    const current = pager.locator('[aria-current="page"]');
    const firstPage = await textsOf(page.locator(".article-card__title a"));
    expect(await textOf(current)).toBe("1");

    await follow(pager.getByRole("link", { name: "Older →" }));
    expect(await textOf(current)).toBe("2");
    expect(await heading()).toBe("Chery page 2");
    const secondPage = await textsOf(page.locator(".article-card__title a"));
    expect(secondPage).not.toContain(firstPage[0]);

    await follow(pager.getByRole("link", { name: "3" }));
    expect(await textOf(current)).toBe("3");
    expect(await pager.getByRole("link", { name: "Older →" }).count()).toBe(0);

    await follow(pager.getByRole("link", { name: "← Newer" }));
    expect(await textOf(current)).toBe("2");
    expect(await textsOf(page.locator(".article-card__title a"))).toEqual(secondPage);

    await follow(pager.getByRole("link", { name: "1", exact: true }));
    expect(new URL(page.url()).pathname).toBe("/companies/chery/");
    expect(await textsOf(page.locator(".article-card__title a"))).toEqual(firstPage);
  });
});
