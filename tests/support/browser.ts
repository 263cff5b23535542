import { existsSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import type { BuildOptions } from "../../src/build/build-site.ts";
import { type BuiltSite, buildFixtureSite } from "./build-fixture.ts";
import { type StaticServer, serveFolder } from "./static-server.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

/**
 * Fails a browser suite at import when Chromium is missing, with the command that fixes it.
 * Under CI the launch itself fails instead, so a missing browser is never a silent skip.
 */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM) && process.env.CI !== "true") {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`,
    );
  }
}

/** Headless Chromium without anything that reaches the network on its own or needs a GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      // Tests run as root in containers, where Chromium's sandbox cannot start.
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The corpus built once, served on 127.0.0.1, and one browser to look at it. */
export interface ServedCorpus {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  /** The absolute address of a site URL on the test server, under the path it is served at. */
  url(siteUrl: string): string;
  close(): Promise<void>;
}

/**
 * Builds a content folder (the corpus by default) and serves it; `mountPath` is the path the
 * site is served under, as its `baseUrl` says it is published.
 */
export async function serveCorpus(
  contentDir = CORPUS,
  mountPath = "/",
  options: Omit<BuildOptions, "contentDir" | "outputDir"> = {},
): Promise<ServedCorpus> {
  const site = await buildFixtureSite(contentDir, options);
  const server = await serveFolder(site.outputDir, mountPath);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    await site.remove();
    throw error;
  });
  return {
    site,
    server,
    browser,
    url: (siteUrl) => new URL(`${mountPath}${siteUrl.replace(/^\//, "")}`, server.origin).href,
    async close() {
      await browser.close();
      await server.close();
      await site.remove();
    },
  };
}

/** What went wrong while a page loaded: console errors, uncaught errors, failed requests. */
export interface PageProblems {
  /** The problems seen since the last call, then forgets them. */
  take(): string[];
}

export function watchForProblems(page: Page): PageProblems {
  let problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    take() {
      const seen = problems;
      problems = [];
      return seen;
    },
  };
}
