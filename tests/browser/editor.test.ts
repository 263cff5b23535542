import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
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
/** Where pictures to upload are made, outside the content folder the editor writes. */
let uploadsDir: string;

let editor: LocalEditor;
let browser: Browser;
let page: Page;
let problems: ReturnType<typeof watchForProblems>;

beforeAll(async () => {
  editor = await startLocalEditor(CORPUS, KEPT);
  uploadsDir = path.join(editor.repoDir, "uploads");
  await mkdir(uploadsDir);
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
const imagesDir = () => path.join(editor.contentDir, "images");

/** A production build of the editor's content: the HTML of each page, and every file's URL. */
interface BuiltSite {
  pageOf(url: string): string;
  files: Set<string>;
}

/**
 * The content passes `check` (drafts included, as `npm run check` reads them), and a
 * production build shows it.
 */
async function checkAndBuild(): Promise<BuiltSite> {
  const loaded = await loadNews({ contentDir: editor.contentDir, includeDrafts: true });
  expect(formatReport(loaded.diagnostics.filter((d) => d.severity === "error"))).toBe(
    formatReport([]),
  );
  const parent = await temporaryFolder("editor-site");
  const outputDir = path.join(parent, "_site");
  const imageCacheDir = path.join(parent, "image-cache");
  const result = await buildSite({ contentDir: editor.contentDir, outputDir, imageCacheDir });
  expect(result.ok).toBe(true);
  const pages = new Map<string, string>();
  const files = new Set<string>();
  for (const file of await readdir(outputDir, { recursive: true })) {
    const url = `/${file.split(path.sep).join("/")}`;
    files.add(url);
    if (file.endsWith("index.html")) {
      pages.set(
        url.slice(0, -"index.html".length),
        await readFile(path.join(outputDir, file), "utf8"),
      );
    }
  }
  await rm(parent, { recursive: true, force: true });
  return { pageOf: (url) => pages.get(url) ?? "", files };
}

/** The front-matter of an article file, as the editor wrote it. */
async function frontMatterOf(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(articlesDir(), file), "utf8");
  return parse(text.split(/^---$/m)[1] ?? "") as Record<string, unknown>;
}

/** A small real picture in the uploads folder, as a picture desk would hand it over. */
async function pictureFile(
  name: string,
  format: "jpeg" | "gif",
): Promise<{ file: string; bytes: Buffer }> {
  const canvas = sharp({
    create: { width: 800, height: 450, channels: 3, background: { r: 176, g: 30, b: 40 } },
  }).composite([
    {
      input: {
        create: { width: 520, height: 180, channels: 3, background: { r: 235, g: 235, b: 240 } },
      },
      top: 200,
      left: 140,
    },
  ]);
  const bytes = await (format === "jpeg" ? canvas.jpeg({ quality: 80 }) : canvas.gif()).toBuffer();
  const file = path.join(uploadsDir, name);
  await writeFile(file, bytes);
  return { file, bytes };
}

/**
 * Uploads a file as the lead picture, as an editor does: **Choose an image** opens the
 * picture library, **Upload** picks the file (the file chooser is the library's hidden
 * input), and **Choose selected** takes the uploaded picture, which the library selects.
 */
async function uploadLeadPicture(tab: Page, file: string): Promise<void> {
  await tab.getByRole("button", { name: "Choose an image" }).click();
  await tab.locator('input[type="file"]').setInputFiles(file);
  await tab.getByRole("button", { name: "Choose selected" }).click();
  await tab.getByRole("button", { name: "Choose different image" }).waitFor();
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
    const { pageOf } = await checkAndBuild();
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

    const { pageOf } = await checkAndBuild();
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
    const { pageOf } = await checkAndBuild();
    expect(pageOf("/articles/chery-parts-warehouse-moscow/")).toBe("");
    expect(pageOf("/companies/chery/")).not.toContain("chery-parts-warehouse-moscow");
  });

  it("uploads a lead picture into content/images/, names it in image: as check reads it, and the article page shows it", async () => {
    const title = "First Tiggo 4 Pro cars leave the Moscow assembly line";
    const alt = "A white Chery Tiggo 4 Pro at the end of the assembly line";
    // As a camera or a picture desk names it: Decap lower-cases it and hyphenates the spaces.
    const picture = await pictureFile("Tiggo 4 Pro assembly line.JPG", "jpeg");
    await page.goto(`${editor.adminUrl}#/collections/articles/new`);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await pick("Company", "Cher", "Chery");
    await pick("Models (optional)", "Tiggo 4", "Chery Tiggo 4 Pro");
    await page.getByLabel("Draft", { exact: true }).click();
    await uploadLeadPicture(page, picture.file);
    await page.getByLabel("Picture description (alt text) (optional)", { exact: true }).fill(alt);
    await page.getByLabel("Caption (optional)", { exact: true }).fill("The first car off the line");
    await page.getByLabel("Credit (optional)", { exact: true }).fill("Chery press office");
    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("The first Tiggo 4 Pro crossovers left the line on Monday.");
    await page.getByRole("button", { name: "Choose different image" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-lead-picture.png") });
    await publish();
    await page.getByText(/changes saved/i).waitFor();

    // The picture, byte for byte, where the schema looks for it; its name alone in `image:`.
    expect(await readdir(imagesDir())).toEqual(["tiggo-4-pro-assembly-line.jpg"]);
    expect(await readFile(path.join(imagesDir(), "tiggo-4-pro-assembly-line.jpg"))).toEqual(
      picture.bytes,
    );
    expect(await frontMatterOf(`${slugifyText(title)}.md`)).toMatchObject({
      image: "tiggo-4-pro-assembly-line.jpg",
      image_alt: alt,
      image_caption: "The first car off the line",
      image_credit: "Chery press office",
    });
    const site = await checkAndBuild();
    const html = parseHtml(site.pageOf(`/articles/${slugifyText(title)}/`));
    const img = html.querySelector("figure.lead-image picture img");
    expect(img?.getAttribute("alt")).toBe(alt);
    expect(site.files.has(img?.getAttribute("src") ?? "")).toBe(true);
    expect(html.querySelector("figure.lead-image figcaption")?.text).toContain(
      "The first car off the line",
    );
    expect(problems.take()).toEqual([]);
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
  // Decap cannot make one field required by another: check answers at the `image` line.
  {
    mistake: "a lead picture without its description",
    make: async (page) => {
      await uploadLeadPicture(page, (await pictureFile("chery-tiggo-7-pro.jpg", "jpeg")).file);
    },
    checkSays: { ruleId: "lead-image-missing-alt", line: 11 },
  },
  // The picture library takes any picture; the build encodes JPEG, PNG, WebP and AVIF only.
  {
    mistake: "a GIF as the lead picture",
    make: async (page) => {
      await uploadLeadPicture(page, (await pictureFile("chery-teaser.gif", "gif")).file);
      await page
        .getByLabel("Picture description (alt text) (optional)", { exact: true })
        .fill("The Chery teaser");
    },
    checkSays: { ruleId: "lead-image-unreadable", line: 11 },
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

describe("what the picture library refuses", () => {
  it("does not offer a PDF uploaded as the lead picture, so it cannot become one", async () => {
    const pdf = path.join(uploadsDir, "chery-press-release.pdf");
    await writeFile(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    page.on("dialog", (dialog) => dialog.accept().catch(() => undefined));
    await page.goto("about:blank");
    await page.goto(`${editor.adminUrl}#/collections/articles/new`);
    await page.getByRole("button", { name: "Choose an image" }).click();
    // The file chooser offers pictures only (`accept="image/*"`); one picked anyway is
    // read, but the library lists only pictures, so nothing is selected to choose.
    const input = page.locator('input[type="file"]');
    expect(await input.getAttribute("accept")).toBe("image/*");
    await input.setInputFiles(pdf);
    await page.getByText("No images found.").waitFor();
    expect(await page.getByText("chery-press-release.pdf").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Choose selected" }).isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Choose an image" }).waitFor();
    expect(await readdir(imagesDir())).not.toContain("chery-press-release.pdf");
  });
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
