import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { loadNews } from "../../src/build/load-news.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import { slugifyText } from "../../src/registry/normalize-term.ts";
import { CORPUS, launchChromium, requireChromium, watchForProblems } from "../support/browser.ts";
import { buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
  siteYaml,
} from "../support/content-folder.ts";
import { parseHtml } from "../support/html.ts";
import { type LocalEditor, startLocalEditor } from "../support/local-editor.ts";
import { serveFolder } from "../support/static-server.ts";

requireChromium();

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-artifacts/screenshots");
const KEPT = ["chery-localization-russia.md", "chery-parts-warehouse-moscow.md"];
const TITLE = "Chery #1: Tiggo 4 Pro assembly starts in Москва";

let editor: LocalEditor;
let browser: Browser;
let page: Page;
let problems: ReturnType<typeof watchForProblems>;

beforeAll(async () => {
  editor = await startLocalEditor(CORPUS, KEPT);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  page = await context.newPage();
  problems = watchForProblems(page);

  await page.goto(editor.adminUrl);
  await page.getByRole("button", { name: "Login" }).click();
  await page
    .getByRole("link", { name: /Article/ })
    .first()
    .waitFor();
});

afterAll(async () => {
  await browser?.close();
  await editor?.close();
});

const articlesDir = () => path.join(editor.contentDir, "articles");

/** The content passes `check`, and a production build shows it: the page of each article. */
async function checkAndBuild(): Promise<(url: string) => string> {
  const loaded = await loadNews({ contentDir: editor.contentDir, includeDrafts: false });
  expect(formatReport(loaded.diagnostics.filter((d) => d.severity === "error"))).toBe(
    formatReport([]),
  );
  const parent = await temporaryFolder("editor-site");
  const outputDir = path.join(parent, "_site");
  const result = await buildSite({ contentDir: editor.contentDir, outputDir });
  expect(result.ok).toBe(true);
  const pages = new Map<string, string>();
  for (const file of await readdir(outputDir, { recursive: true })) {
    if (file.endsWith("index.html")) {
      pages.set(
        `/${file.slice(0, -"index.html".length)}`,
        await readFile(path.join(outputDir, file), "utf8"),
      );
    }
  }
  await rm(parent, { recursive: true, force: true });
  return (url) => pages.get(url) ?? "";
}

/**
 * axe on a page of the editor, without the rules that only Decap's own interface breaks
 * (the page is ours: its language, title and viewport are checked):
 * - color-contrast: Decap's grey hints, labels and "Go back to site" link on its light grey;
 * - landmark-one-main, region: Decap renders no <main> landmark and leaves content outside any;
 * - page-has-heading-one: Decap's login page and entry form have no <h1>;
 * - label, button-name: Decap's date picker buttons and list toggles have no accessible name;
 * - aria-command-name: the drag handle of each list item (a `role="button"` with no name);
 * - aria-input-field-name: the rich-text box (Slate's `role="textbox"`) is not named by its label;
 * - aria-required-attr: the Rich Text / Markdown switch (`role="switch"` without `aria-checked`);
 * - nested-interactive: the heading menu of the text toolbar, a button inside a button.
 */
const DECAP_OWN_VIOLATIONS = [
  "color-contrast",
  "landmark-one-main",
  "region",
  "page-has-heading-one",
  "label",
  "button-name",
  "aria-command-name",
  "aria-input-field-name",
  "aria-required-attr",
  "nested-interactive",
];

function decapAxe(target: Page): AxeBuilder {
  return new AxeBuilder({ page: target }).disableRules(DECAP_OWN_VIOLATIONS);
}

/** Picks an option of a relation or select field: types part of it and takes the match. */
async function pick(label: string, typed: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.type(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function publish(): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Publish now").click();
}

describe("the web editor against the local backend", () => {
  it("creates an article whose file is named as npm run new names it and builds", async () => {
    await page.goto(`${editor.adminUrl}#/collections/articles/new`);
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    await pick("Company", "Cher", "Chery");
    await pick("Models (optional)", "Tiggo 4", "Chery Tiggo 4 Pro");
    await page.getByRole("button", { name: /Add Partners/i }).click();
    await pick("Partner", "UA", "UAZ");
    await pick("Status", "in-", "in-talks");
    await page.getByLabel("Draft", { exact: true }).click();
    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("Chery and UAZ confirmed the assembly of the crossover.");
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-new-article.png") });
    const { violations } = await decapAxe(page).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual(
      [],
    );
    await publish();
    await page.getByText(/changes saved/i).waitFor();

    expect(await readdir(articlesDir())).toEqual(
      [...KEPT, "chery-1-tiggo-4-pro-assembly-starts-in-moskva.md"].sort(),
    );
    const pageOf = await checkAndBuild();
    const html = parseHtml(pageOf(`/articles/${slugifyText(TITLE)}/`));
    expect(html.querySelector("h1")?.text).toBe(TITLE);
    expect(html.querySelector('a[href="/companies/chery/"]')?.text).toBe("Chery");
    expect(html.querySelector('a[href="/models/chery-tiggo-4-pro/"]')).toBeTruthy();
    expect(html.querySelector('a[href="/partners/uaz/"]')).toBeTruthy();
    expect(html.text).toContain("in talks");
    expect(problems.take()).toEqual([]);
  });

  it("edits the article and adds a correction, which the article page shows", async () => {
    await page.getByLabel("Summary (optional)", { exact: true }).fill("UAZ confirms: Chery talks.");
    await page.getByRole("button", { name: /Add Corrections/i }).click();
    await page
      .getByLabel("Correction text", { exact: true })
      .fill("The plant is in Ulyanovsk, not Tula.");
    await publish();
    await page.getByText(/changes saved/i).waitFor();

    const pageOf = await checkAndBuild();
    const html = parseHtml(pageOf(`/articles/${slugifyText(TITLE)}/`));
    expect(html.text).toContain("The plant is in Ulyanovsk, not Tula.");
    expect(html.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(
      "UAZ confirms: Chery talks.",
    );
    expect(pageOf("/corrections/")).toContain(TITLE.replace("#", "#"));
  });

  it("deletes another article, which leaves the site", async () => {
    await page.goto(
      `${editor.adminUrl}#/collections/articles/entries/chery-parts-warehouse-moscow`,
    );
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete entry" }).click();
    // Decap returns to the collection's list once the file is gone.
    await page.waitForURL(/#\/collections\/articles$/);
    await page.getByText(TITLE).waitFor();
    expect(await page.getByText("Chery opens a spare parts warehouse").count()).toBe(0);

    expect(await readdir(articlesDir())).not.toContain("chery-parts-warehouse-moscow.md");
    const pageOf = await checkAndBuild();
    expect(pageOf("/articles/chery-parts-warehouse-moscow/")).toBe("");
    expect(pageOf("/companies/chery/")).not.toContain("chery-parts-warehouse-moscow");
  });
});

type Mistake = {
  mistake: string;
  make: (page: Page) => Promise<void>;
} & ({ stoppedWith: string } | { checkSays: { ruleId: string; line: number } });

const MISTAKES: Mistake[] = [
  {
    mistake: "leaving the title empty",
    make: async (page) => {
      await page.getByLabel("Title", { exact: true }).focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Backspace");
    },
    stoppedWith: "Title is required.",
  },
  {
    mistake: "picking no company",
    make: async (page) => {
      await page.getByLabel("Company", { exact: true }).focus();
      await page.keyboard.press("Backspace");
    },
    stoppedWith: "Company is required.",
  },
  {
    mistake: "clearing the date",
    make: (page) => page.getByRole("button", { name: "Clear" }).first().click(),
    stoppedWith: "Date is required.",
  },
  {
    mistake: "a source address that is not a web address",
    make: async (page) => {
      await page.getByLabel("Source address (optional)", { exact: true }).fill("tass.com/economy");
    },
    stoppedWith: "A web address starting with https://",
  },
  {
    mistake: "an article address with capitals and spaces",
    make: (page) =>
      page.getByLabel("Article address (optional)", { exact: true }).fill("Chery Plant"),
    stoppedWith: "Lower-case letters, digits and hyphens only",
  },
];

describe("what an editor can get wrong in the web editor", () => {
  it.each(MISTAKES)(
    "$mistake is stopped in the editor or answered by check at its line",
    async (row) => {
      const before = await readdir(articlesDir());
      const tab = page;
      tab.setDefaultTimeout(20_000);
      // Leaving an entry with unsaved changes asks first.
      tab.on("dialog", (dialog) => dialog.accept().catch(() => undefined));
      // A fresh load, so nothing of the last case is left in the form.
      await tab.goto("about:blank");
      await tab.goto(`${editor.adminUrl}#/collections/articles/new`);
      const title = `Chery: ${row.mistake}`;
      await tab.getByLabel("Title", { exact: true }).fill(title);
      const pickIn = async (label: string, typed: string, option: string) => {
        await tab.getByLabel(label, { exact: true }).click();
        await tab.keyboard.type(typed);
        await tab.getByRole("option", { name: option, exact: true }).click();
      };
      await pickIn("Company", "Cher", "Chery");
      await tab.locator("[data-slate-editor]").click();
      await tab.keyboard.type("Chery confirms the plan.");
      await row.make(tab);
      await tab.getByRole("button", { name: "Publish" }).click();
      await tab.getByText("Publish now").click();
      if ("stoppedWith" in row) {
        await tab.getByText(row.stoppedWith).first().waitFor();
        expect(await readdir(articlesDir())).toEqual(before);
      } else {
        await tab.getByText(/changes saved/i).waitFor();
        const loaded = await loadNews({ contentDir: editor.contentDir, includeDrafts: true });
        const file = `${slugifyText(title)}.md`;
        const found = loaded.diagnostics
          .filter((d) => d.file.endsWith(file))
          .map((d) => ({ ruleId: d.ruleId, line: d.line }));
        expect(found).toEqual([row.checkSays]);
        await rm(path.join(articlesDir(), file));
      }
    },
  );
});

describe("the web editor of a production build", () => {
  it("loads the GitHub configuration without an error and asks the editor to sign in with GitHub", async () => {
    const contentDir = await createContentFolder({
      site: `${siteYaml()}cms:\n  repo: newsroom/news-digest\n  branch: main\n`,
      articles: {
        "chery-plant.md": articleText([
          "title: Chery opens a plant",
          "date: 2022-06-01",
          "company: Chery",
        ]),
      },
    });
    const site = await buildFixtureSite(contentDir);
    const server = await serveFolder(site.outputDir);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const seen = watchForProblems(tab);
    try {
      await tab.goto(`${server.origin}/admin/`);
      await tab.getByRole("button", { name: "Login with GitHub" }).waitFor();
      const { violations } = await decapAxe(tab).analyze();
      expect(violations.map((violation) => violation.id)).toEqual([]);
      expect(seen.take()).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      await site.remove();
      await removeContentFolders();
    }
  });
});
