import { mkdir } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PageProblems,
  requireChromium,
  type ServedCorpus,
  serveCorpus,
  watchForProblems,
} from "../support/browser.ts";

requireChromium();

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-artifacts/screenshots");

/** One page of every kind a reader meets. */
const PAGES = {
  home: "/",
  article: "/articles/chery-localization-russia/",
  company: "/companies/chery/",
  model: "/models/chery-tiggo-4-pro/",
  partner: "/partners/uaz/",
  directory: "/companies/",
  digest: "/digest/2022-w22/",
  search: "/search/?q=Tiggo",
  "not found": "/404.html",
} as const;

type PageName = keyof typeof PAGES;
const PAGE_NAMES = Object.keys(PAGES) as PageName[];

let corpus: ServedCorpus;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  corpus = await serveCorpus();
  context = await corpus.browser.newContext();
  page = await context.newPage();
  problems = watchForProblems(page);
});

afterAll(async () => {
  await corpus?.close();
});

/**
 * Opens a page and waits until it is complete; the search page is complete once Pagefind
 * has shown the results of the query in its address.
 */
async function open(name: PageName): Promise<void> {
  await page.goto(corpus.url(PAGES[name]), { waitUntil: "load" });
  if (name === "search") {
    await page.locator(".pagefind-ui__result-link").first().waitFor();
  }
}

/** How far the page reaches past the right edge of the window, in CSS pixels. */
function horizontalOverflow(): Promise<number> {
  return page.locator("html").evaluate((root) => root.scrollWidth - root.clientWidth);
}

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
  });

  it.each(PAGE_NAMES)("the %s page has no accessibility violations", async (name) => {
    await open(name);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const found = violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
    expect(found).toEqual([]);
  });
});

describe("loading", () => {
  it.each(PAGE_NAMES)(
    "the %s page loads without console errors or failed requests",
    async (name) => {
      problems.take();
      await open(name);
      // The favicon is requested after load: wait for the network to go quiet too.
      await page.waitForLoadState("networkidle");
      expect(problems.take()).toEqual([]);
    },
  );
});

describe.each([320, 375])("at %i px wide", (width) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: "light" });
  });

  it.each(PAGE_NAMES)("the %s page needs no horizontal scrolling", async (name) => {
    await open(name);
    expect(await horizontalOverflow()).toBe(0);
  });
});

describe("screenshots", () => {
  const sizes = [
    { width: 375, height: 812 },
    { width: 1280, height: 800 },
  ];
  const cases = (["home", "article", "company"] as const).flatMap((name) =>
    sizes.flatMap((size) =>
      (["light", "dark"] as const).map((colorScheme) => ({ name, ...size, colorScheme })),
    ),
  );

  it.each(cases)(
    "the $name page at $width×$height in $colorScheme mode fits the window and is saved for review",
    async ({ name, width, height, colorScheme }) => {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await open(name);
      expect(await horizontalOverflow()).toBe(0);
      const file = path.join(SCREENSHOTS, `${name}-${width}x${height}-${colorScheme}.png`);
      const image = await page.screenshot({ path: file, fullPage: true });
      // A PNG's width sits in bytes 16–19 of its header: the capture is as wide as the window.
      expect(image.readUInt32BE(16)).toBe(width);
    },
  );
});
