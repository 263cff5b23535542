import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

let project: string;
beforeEach(async () => {
  // A project as an editor has it, from the preview's point of view: its content and templates.
  project = await temporaryFolder("preview");
  await symlink(path.join(PROJECT_ROOT, "templates"), path.join(project, "templates"));
  await mkdir(path.join(project, "content", "articles"), { recursive: true });
  await writeFile(path.join(project, "content", "site.yaml"), siteYaml());
  await writeFile(
    path.join(project, "content", "articles", "uaz-patriot-update.md"),
    articleText([
      "title: UAZ updates the Patriot",
      "date: 2022-06-01",
      "company: UAZ",
      "draft: true",
    ]),
  );
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

/**
 * Starts `npm start` on a free port, runs `whileStarting` meanwhile, waits until `url` answers
 * 200, and stops it after `check`.
 */
async function withPreview(
  url: string,
  check: (page: Response, origin: string) => Promise<void>,
  whileStarting?: () => Promise<void>,
) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const preview = spawn(
    process.execPath,
    ["--import", TSX, path.join(PROJECT_ROOT, "src/cli/serve.ts"), "--port", String(port)],
    { cwd: project, stdio: "ignore" },
  );
  try {
    await whileStarting?.();
    let page: Response | undefined;
    const deadline = Date.now() + 90_000;
    while (page?.status !== 200 && Date.now() < deadline) {
      page = await fetch(`${origin}${url}`).catch(() => undefined);
      if (page?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(page?.status).toBe(200);
    await check(page as Response, origin);
  } finally {
    const exited = new Promise((resolve) => preview.once("exit", resolve));
    preview.kill("SIGTERM");
    await exited;
  }
}

it("npm start builds the site into _preview/ and serves it, leaving _site/ to production builds", async () => {
  await withPreview("/articles/uaz-patriot-update/", async (page) => {
    expect(await page.text()).toContain("UAZ updates the Patriot");
    expect(
      existsSync(path.join(project, "_preview", "articles", "uaz-patriot-update", "index.html")),
    ).toBe(true);
    expect(existsSync(path.join(project, "_site"))).toBe(false);
  });
}, 120_000);

it("npm start serves a site published under a path under that path, styles included", async () => {
  const underPath = siteYaml().replace(
    "baseUrl: https://news-digest.example.org/",
    "baseUrl: https://newsroom.github.io/news-digest/",
  );
  await writeFile(path.join(project, "content", "site.yaml"), underPath);
  await withPreview("/news-digest/articles/uaz-patriot-update/", async (page, origin) => {
    const html = await page.text();
    expect(html).toContain('href="/news-digest/assets/site.css"');
    expect((await fetch(`${origin}/news-digest/assets/site.css`)).status).toBe(200);
  });
}, 120_000);

it("npm start shows an article's edited text on its page, open in a browser", async () => {
  const sentence = "The update reaches dealers on Friday.";
  const file = path.join(project, "content", "articles", "uaz-patriot-update.md");
  const edited = `${await readFile(file, "utf8")}\n${sentence}\n`;
  await withPreview("/articles/uaz-patriot-update/", async (_page, origin) => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${origin}/articles/uaz-patriot-update/`);
      await writeFile(file, edited);
      const shown = await tab
        .locator(".article__body", { hasText: sentence })
        .waitFor({ timeout: 60_000 })
        .then(() => true)
        .catch(() => false);
      expect(shown).toBe(true);
    } finally {
      await browser.close();
    }
  });
}, 180_000);

/** Asks for `url` every 100 ms until `done` holds of its answer, for at most 60 s. */
async function eventually(
  url: string,
  done: (status: number, html: string) => boolean,
): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const page = await fetch(url).catch(() => undefined);
    if (page && done(page.status, await page.text())) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

it("npm start shows an edit saved while it was starting, without the edit being saved again", async () => {
  const sentence = "The update reaches dealers on Friday.";
  const file = path.join(project, "content", "articles", "uaz-patriot-update.md");
  const edited = `${await readFile(file, "utf8")}\n${sentence}\n`;
  // The article's page is first written from content read before this edit, and before the
  // watcher starts: an edit saved then is one the watcher never reports.
  const firstWritten = path.join(
    project,
    "_preview",
    "articles",
    "uaz-patriot-update",
    "index.html",
  );
  const saveOnceWritten = async () => {
    const deadline = Date.now() + 90_000;
    while (!existsSync(firstWritten) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await writeFile(file, edited);
  };
  await withPreview(
    "/articles/uaz-patriot-update/",
    async (_page, origin) => {
      const shown = await eventually(`${origin}/articles/uaz-patriot-update/`, (_status, html) =>
        html.includes(sentence),
      );
      expect(shown).toBe(true);
    },
    saveOnceWritten,
  );
}, 180_000);

it("npm start takes a deleted article off its lists, and its page no longer answers", async () => {
  await writeFile(
    path.join(project, "content", "articles", "uaz-hunter-ends.md"),
    articleText(["title: UAZ ends the Hunter", "date: 2022-06-02", "company: UAZ"]),
  );
  await withPreview("/articles/uaz-hunter-ends/", async (_page, origin) => {
    await rm(path.join(project, "content", "articles", "uaz-hunter-ends.md"));
    const offTheList = await eventually(
      `${origin}/`,
      (_status, html) =>
        html.includes("/articles/uaz-patriot-update/") &&
        !html.includes("/articles/uaz-hunter-ends/"),
    );
    expect(offTheList).toBe(true);
    // The page is deleted once the rebuild has written the lists, a moment after them.
    const gone = await eventually(
      `${origin}/articles/uaz-hunter-ends/`,
      (status) => status === 404,
    );
    expect(gone).toBe(true);
  });
}, 180_000);
