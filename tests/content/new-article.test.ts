import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import {
  createArticle,
  NEW_ARTICLE_BODY,
  type NewArticleRequest,
} from "../../src/content/new-article.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
  siteYaml,
} from "../support/content-folder.ts";

/** A file some other program writes once the article's name is checked, before it is written. */
const race = vi.hoisted(() => ({ file: undefined as string | undefined, text: "" }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    // createArticle makes the articles folder between its check and its write.
    mkdir: async (...args: Parameters<typeof actual.mkdir>) => {
      const made = await actual.mkdir(...args);
      if (race.file !== undefined) await actual.writeFile(race.file, race.text);
      race.file = undefined;
      return made;
    },
  };
});

// 22:30 in UTC is already half past one the next morning in Moscow, the site's zone.
const NOW = new Date("2024-05-14T22:30:00Z");
const MOSCOW_TODAY = "2024-05-15";

const REGISTRY = {
  companies: [
    "companies:",
    "  - name: Chery",
    "    aliases: [Чери, Chery Automobile]",
    "    description: Chinese carmaker from Wuhu, selling the Tiggo crossovers in Russia.",
    "",
  ].join("\n"),
  models: [
    "models:",
    "  - name: Tiggo 4 Pro",
    "    company: Chery",
    "    aliases: [Tiggo 4Pro]",
    "  - name: Tiggo 7 Pro",
    "    company: Chery",
    "",
  ].join("\n"),
  partners: [
    "partners:",
    "  - name: UAZ",
    "    aliases: [УАЗ, Ulyanovsk Automobile Plant]",
    "  - name: Moskvich",
    "    aliases: [Москвич]",
    "",
  ].join("\n"),
};

const TIGGO_ASSEMBLY: NewArticleRequest = {
  title: "Chery starts Tiggo 4 Pro assembly",
  companies: ["Chery"],
  models: ["Tiggo 4 Pro"],
  partners: ["UAZ"],
};

afterEach(removeContentFolders);

async function contentWithRegistry(articles: Record<string, string> = {}): Promise<string> {
  return createContentFolder({ registry: REGISTRY, articles });
}

async function create(contentDir: string, request: NewArticleRequest = TIGGO_ASSEMBLY) {
  return createArticle(request, { contentDir, now: NOW });
}

async function articleFiles(contentDir: string): Promise<string[]> {
  return (await readdir(path.join(contentDir, "articles"))).sort();
}

/** The draft as the preview sees it, after the real loader has validated all content. */
async function previewedArticle(contentDir: string, slug: string) {
  const { news, diagnostics } = await loadNews({ contentDir, includeDrafts: true, now: NOW });
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  const article = news?.articles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`the preview has no article "${slug}"`);
  return article;
}

describe("createArticle", () => {
  it("writes the article under articles/, named after its title, and returns its path", async () => {
    const contentDir = await contentWithRegistry();

    const result = await create(contentDir);

    const expected = path.join(contentDir, "articles", "chery-starts-tiggo-4-pro-assembly.md");
    expect(result).toMatchObject({ ok: true, file: expected });
    expect(await articleFiles(contentDir)).toEqual(["chery-starts-tiggo-4-pro-assembly.md"]);
  });

  it("writes an article that the content validator accepts with its names and title", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir);

    const article = await previewedArticle(contentDir, "chery-starts-tiggo-4-pro-assembly");
    expect(article.title).toBe("Chery starts Tiggo 4 Pro assembly");
    expect(article.companies.map((company) => company.name)).toEqual(["Chery"]);
    expect(article.models.map((model) => model.name)).toEqual(["Tiggo 4 Pro"]);
    expect(article.partners.map((partner) => [partner.name, partner.status])).toEqual([
      ["UAZ", "mentioned"],
    ]);
  });

  it("marks the new article as a draft, left out of production builds", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir);

    const production = await loadNews({ contentDir, includeDrafts: false, now: NOW });
    expect(production.news?.articles).toEqual([]);
    const draft = await previewedArticle(contentDir, "chery-starts-tiggo-4-pro-assembly");
    expect(draft.draft).toBe(true);
  });

  it("dates the article today in the site's time zone, not in UTC", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir);

    const article = await previewedArticle(contentDir, "chery-starts-tiggo-4-pro-assembly");
    expect(article.date.datetime).toBe(MOSCOW_TODAY);
  });

  it("uses the time zone of the site's settings", async () => {
    const contentDir = await createContentFolder({ site: siteYaml("America/New_York") });

    await create(contentDir, {
      title: "Chery starts Tiggo 4 Pro assembly",
      companies: ["Chery"],
      models: [],
      partners: [],
    });

    const text = await readFile(
      path.join(contentDir, "articles", "chery-starts-tiggo-4-pro-assembly.md"),
      "utf8",
    );
    expect(text).toContain("date: 2024-05-14\n");
  });

  it("gives a Cyrillic title a transliterated Latin file name", async () => {
    const contentDir = await contentWithRegistry();

    const result = await create(contentDir, {
      ...TIGGO_ASSEMBLY,
      title: "Чери начинает сборку Tiggo 4 Pro",
    });

    expect(result.ok).toBe(true);
    expect(await articleFiles(contentDir)).toEqual(["cheri-nachinaet-sborku-tiggo-4-pro.md"]);
  });

  it("writes the names in the registry's spelling when they are typed as aliases", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir, {
      title: "Чери и УАЗ обсуждают сборку Tiggo 4Pro",
      companies: ["Чери"],
      models: ["Tiggo 4Pro"],
      partners: ["УАЗ", "Москвич"],
    });

    const text = await readFile(
      path.join(contentDir, "articles", "cheri-i-uaz-obsuzhdayut-sborku-tiggo-4pro.md"),
      "utf8",
    );
    expect(text).toContain("company: Chery\n");
    expect(text).toContain("models:\n  - Tiggo 4 Pro\n");
    expect(text).toContain("  - name: UAZ\n");
    expect(text).toContain("  - name: Moskvich\n");
  });

  it("keeps names the registry does not list as they were typed", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir, {
      title: "Haval opens a second engine line in Tula",
      companies: ["Haval"],
      models: ["Jolion", "Dargo"],
      partners: [],
    });

    const article = await previewedArticle(contentDir, "haval-opens-a-second-engine-line-in-tula");
    expect(article.companies.map((company) => company.name)).toEqual(["Haval"]);
    expect(article.models.map((model) => model.name)).toEqual(["Jolion", "Dargo"]);
  });

  it("lists several models and partners in the order given", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir, {
      title: "Chery weighs UAZ and Moskvich for Tiggo assembly",
      companies: ["Chery"],
      models: ["Tiggo 4 Pro", "Tiggo 7 Pro"],
      partners: ["UAZ", "Moskvich"],
    });

    const article = await previewedArticle(
      contentDir,
      "chery-weighs-uaz-and-moskvich-for-tiggo-assembly",
    );
    expect(article.models.map((model) => model.name)).toEqual(["Tiggo 4 Pro", "Tiggo 7 Pro"]);
    expect(article.partners.map((partner) => partner.name)).toEqual(["UAZ", "Moskvich"]);
  });

  it("keeps a title with a colon and a hash sign exactly as typed", async () => {
    const contentDir = await contentWithRegistry();
    const title = "Chery: #1 foreign brand in Russia for May";

    await create(contentDir, { ...TIGGO_ASSEMBLY, title });

    const article = await previewedArticle(contentDir, "chery-1-foreign-brand-in-russia-for-may");
    expect(article.title).toBe(title);
  });

  it("writes a body that tells the editor what to do instead of placeholder text", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir);

    const text = await readFile(
      path.join(contentDir, "articles", "chery-starts-tiggo-4-pro-assembly.md"),
      "utf8",
    );
    expect(text.endsWith(`---\n\n${NEW_ARTICLE_BODY}\n`)).toBe(true);
    expect(NEW_ARTICLE_BODY).not.toMatch(/TODO|lorem|xxx/i);
  });

  it("names the file after the slug it is given instead of the title", async () => {
    const contentDir = await contentWithRegistry();

    await create(contentDir, { ...TIGGO_ASSEMBLY, slug: "chery-tiggo-4-pro-uaz" });

    expect(await articleFiles(contentDir)).toEqual(["chery-tiggo-4-pro-uaz.md"]);
  });

  it("never replaces an existing article and names it with a fix", async () => {
    const existing = articleText(
      ["title: Chery starts Tiggo 4 Pro assembly", "date: 2024-05-10", "company: Chery"],
      "Chery has started assembling the Tiggo 4 Pro crossover in Russia.",
    );
    const contentDir = await contentWithRegistry({
      "chery-starts-tiggo-4-pro-assembly.md": existing,
    });

    const result = await create(contentDir);

    const file = path.join(contentDir, "articles", "chery-starts-tiggo-4-pro-assembly.md");
    expect(await readFile(file, "utf8")).toBe(existing);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file,
        severity: "error",
        ruleId: "article-exists",
        fix: expect.stringContaining("--slug chery-starts-tiggo-4-pro-assembly-2"),
      }),
    ]);
  });

  const EXISTING = articleText(
    ["title: Chery starts Tiggo 4 Pro assembly", "date: 2024-05-10", "company: Chery"],
    "Chery has started assembling the Tiggo 4 Pro crossover in Russia.",
  );

  it.each([
    {
      when: "an article has the same file name",
      existing: "chery-starts-tiggo-4-pro-assembly.md",
      racing: false,
    },
    {
      when: "an article's file name differs only in capitals",
      existing: "Chery-Starts-Tiggo-4-Pro-Assembly.md",
      racing: false,
    },
    {
      when: "the file is created after the name was checked",
      existing: "chery-starts-tiggo-4-pro-assembly.md",
      racing: true,
    },
  ])(
    "leaves the other article byte for byte and writes nothing when $when",
    async ({ existing, racing }) => {
      const contentDir = await contentWithRegistry(racing ? {} : { [existing]: EXISTING });
      const file = path.join(contentDir, "articles", existing);
      if (racing) Object.assign(race, { file, text: EXISTING });

      const result = await create(contentDir);

      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ file, severity: "error", ruleId: "article-exists" }),
      ]);
      expect(await articleFiles(contentDir)).toEqual([existing]);
      expect(await readFile(file, "utf8")).toBe(EXISTING);
    },
  );

  it("refuses a title that gives no file name and asks for a slug", async () => {
    const contentDir = await contentWithRegistry();

    const result = await create(contentDir, { ...TIGGO_ASSEMBLY, title: "!!!" });

    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: "unsafe-slug", fix: expect.stringContaining("--slug") }),
    ]);
  });

  it("writes nothing when the article would not pass validation", async () => {
    const contentDir = await contentWithRegistry();

    const result = await create(contentDir, { ...TIGGO_ASSEMBLY, companies: ["Cherry"] });

    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "unknown-company",
        message: expect.stringContaining('did you mean "Chery"'),
      }),
    ]);
    expect(await readdir(contentDir)).not.toContain("articles");
  });

  it("reports missing site settings instead of guessing the time zone", async () => {
    const contentDir = await contentWithRegistry();
    await rm(path.join(contentDir, "site.yaml"));

    const result = await create(contentDir);

    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["missing-settings"]);
  });
});
