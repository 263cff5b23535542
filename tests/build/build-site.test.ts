import { readdirSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildSite } from "../../src/build/build-site.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { renderArticles } from "../../src/markdown/render-articles.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";
import { loadRegistry } from "../../src/registry/load-registry.ts";
import { loadSiteSettings } from "../../src/settings/site-settings.ts";
import { buildSiteData } from "../../src/site/site-data.ts";
import { claimedFiles } from "../../src/site/url-claims.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { type BuiltSite, buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";
import {
  articleText,
  createContentFolder,
  modelsSharingAnAddress,
  removeContentFolders,
} from "../support/content-folder.ts";
import {
  articleCard,
  attributeValues,
  type HTMLElement,
  listedArticleUrls,
  localReferences,
  pagerTargets,
  parseHtml,
  textOf,
} from "../support/html.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const PAGE_SIZE = 5;

// The expectations below come from the fixture files themselves, read here with the `yaml`
// package, so they never share a mistake with the core's own reading and indexing.

interface FixtureArticle {
  file: string;
  url: string;
  title: string;
  draft: boolean;
  /** As written: `2022-06-01` or `2022-06-01T23:45:00+03:00`. */
  date: string;
  instant: number;
  summary?: string;
  firstParagraph: string;
  companies: string[];
  models: Array<{ name: string; company: string }>;
  partners: Array<{ name: string; status: string }>;
  source?: { name: string; url?: string };
}

/** The few Cyrillic letters the corpus uses, transliterated as the README promises. */
const CYRILLIC: Record<string, string> = {
  м: "m",
  о: "o",
  с: "s",
  к: "k",
  в: "v",
  и: "i",
  ч: "ch",
};

function expectedSlug(name: string): string {
  const latin = [...name.toLowerCase()]
    .map((letter) => {
      if (/[a-z0-9\s-]/.test(letter)) return letter;
      const transliterated = CYRILLIC[letter];
      if (transliterated === undefined) {
        throw new Error(`The corpus uses "${letter}": add it to the test's transliteration`);
      }
      return transliterated;
    })
    .join("");
  return latin.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Europe/Moscow has kept +03:00 all year since 2014, so a bare day starts at 00:00+03:00. */
function instantOf(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00+03:00` : date);
}

function readFixtureArticle(fileName: string): FixtureArticle {
  const text = readFileSync(path.join(CORPUS, "articles", fileName), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${fileName} has no front-matter`);
  const data = parseYaml(match[1] ?? "") as Record<string, unknown>;
  const companies = asList(data.company) as string[];
  const date = String(data.date);
  return {
    file: fileName,
    url: `/articles/${(data.slug as string | undefined) ?? fileName.replace(/\.md$/, "")}/`,
    title: String(data.title),
    draft: data.draft === true,
    date,
    instant: instantOf(date),
    ...(typeof data.summary === "string" ? { summary: data.summary } : {}),
    firstParagraph:
      (match[2] ?? "")
        .trim()
        .split(/\n\s*\n/)[0]
        ?.replace(/\s+/g, " ") ?? "",
    companies,
    models: asList(data.models).map((entry) =>
      typeof entry === "string"
        ? { name: entry, company: companies[0] ?? "" }
        : (entry as { name: string; company: string }),
    ),
    partners: asList(data.partners).map((entry) =>
      typeof entry === "string"
        ? { name: entry, status: "mentioned" }
        : (entry as { name: string; status: string }),
    ),
    ...(data.source ? { source: data.source as { name: string; url?: string } } : {}),
  };
}

function newestFirst(a: FixtureArticle, b: FixtureArticle): number {
  return b.instant - a.instant || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

const fixtures = readdirSync(path.join(CORPUS, "articles"))
  .filter((name) => name.endsWith(".md"))
  .map(readFixtureArticle);
const published = fixtures.filter((article) => !article.draft).sort(newestFirst);
const drafts = fixtures.filter((article) => article.draft);

function fixtureNamed(fileName: string): FixtureArticle {
  const article = fixtures.find((candidate) => candidate.file === fileName);
  if (!article) throw new Error(`The corpus has no ${fileName}`);
  return article;
}

/** Term page URL → the published articles naming it, newest first. */
function expectedTerms(): Map<string, FixtureArticle[]> {
  const terms = new Map<string, FixtureArticle[]>();
  const add = (url: string, article: FixtureArticle) => {
    const list = terms.get(url) ?? [];
    if (!list.includes(article)) list.push(article);
    terms.set(url, list);
  };
  for (const article of published) {
    for (const company of article.companies) {
      add(`/companies/${expectedSlug(company)}/`, article);
    }
    for (const model of article.models) {
      add(`/models/${expectedSlug(model.company)}-${expectedSlug(model.name)}/`, article);
    }
    for (const partner of article.partners) {
      add(`/partners/${expectedSlug(partner.name)}/`, article);
    }
  }
  return terms;
}

const STATUS_LABELS: Record<string, string> = {
  mentioned: "mentioned",
  "in-talks": "in talks",
  confirmed: "confirmed partner",
  denied: "partnership denied",
};

function pageCountFor(articleCount: number): number {
  return Math.max(1, Math.ceil(articleCount / PAGE_SIZE));
}

function listPageUrl(firstPageUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? firstPageUrl : `${firstPageUrl}page/${pageNumber}/`;
}

let site: BuiltSite;
const parsed = new Map<string, HTMLElement>();

function page(url: string): HTMLElement {
  let root = parsed.get(url);
  if (!root) {
    root = parseHtml(site.readPage(url));
    parsed.set(url, root);
  }
  return root;
}

/** The article URLs a paginated list shows across all its pages, checking its pager on the way. */
function listAcrossPages(firstPageUrl: string, pageCount: number): string[] {
  const urls: string[] = [];
  for (let number = 1; number <= pageCount; number++) {
    const root = page(listPageUrl(firstPageUrl, number));
    expect(pagerTargets(root), `pager of ${listPageUrl(firstPageUrl, number)}`).toEqual({
      ...(number > 1 ? { previous: listPageUrl(firstPageUrl, number - 1) } : {}),
      ...(number < pageCount ? { next: listPageUrl(firstPageUrl, number + 1) } : {}),
    });
    urls.push(...listedArticleUrls(root));
  }
  expect(site.fileFor(listPageUrl(firstPageUrl, pageCount + 1))).toBeUndefined();
  return urls;
}

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
});

afterAll(async () => {
  await site?.remove();
});

/** A content folder with the corpus's settings and one valid article, for a faulty one beside it. */
async function contentBesideOneGoodArticle(contentDir: string): Promise<void> {
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await copyFile(path.join(CORPUS, "site.yaml"), path.join(contentDir, "site.yaml"));
  await copyFile(
    path.join(CORPUS, "articles", "geely-coolray-recall.md"),
    path.join(contentDir, "articles", "geely-coolray-recall.md"),
  );
}

describe("building the car-news corpus", () => {
  it("writes one page per published article at its URL and no other article page", () => {
    const articlePages = site.pages().filter((url) => url.startsWith("/articles/"));
    expect(articlePages.sort()).toEqual(published.map((article) => article.url).sort());
    for (const article of published) {
      expect(textOf(page(article.url).querySelector("h1"))).toBe(article.title);
    }
  });

  it("writes the home, article, term, directory and not-found pages, and otherwise only publishing pages", () => {
    const listPages = (firstPageUrl: string, articleCount: number) =>
      Array.from({ length: pageCountFor(articleCount) }, (_, index) =>
        listPageUrl(firstPageUrl, index + 1),
      );
    const expected = [
      ...listPages("/", published.length),
      ...published.map((article) => article.url),
      ...[...expectedTerms()].flatMap(([url, articles]) => listPages(url, articles.length)),
      "/companies/",
      "/companies/by-count/",
      "/models/",
      "/models/by-count/",
      "/partners/",
      "/partners/by-count/",
      "/404.html",
    ];
    // Digests, archives, sources, corrections and search have their own tests (tests/publishing).
    const publishingSection = /^\/(digest|archive|sources|corrections|search)\//;
    const pages = site.pages().filter((url) => !publishingSection.test(url));
    expect(pages).toEqual(expected.sort());
  });

  it("lists every published article on the home pages, newest first", () => {
    const pageCount = pageCountFor(published.length);
    expect(pageCount).toBe(7);
    expect(listAcrossPages("/", pageCount)).toEqual(published.map((article) => article.url));
  });

  it("lists exactly the right articles, newest first, on every company, model and partner page", () => {
    const terms = expectedTerms();
    for (const [termUrl, articles] of terms) {
      expect(listAcrossPages(termUrl, pageCountFor(articles.length)), termUrl).toEqual(
        articles.map((article) => article.url),
      );
    }
    const termFirstPages = site
      .pages()
      .filter((url) => /^\/(companies|models|partners)\/[^/]+\/$/.test(url))
      .filter((url) => !url.endsWith("/by-count/"));
    expect(termFirstPages.sort()).toEqual([...terms.keys()].sort());
  });

  it("spreads Chery's thirteen articles over three linked pages", () => {
    const chery = published.filter((article) => article.companies.some((c) => /^chery$/i.test(c)));
    expect(chery).toHaveLength(13);
    const pages = ["/companies/chery/", "/companies/chery/page/2/", "/companies/chery/page/3/"];
    expect(pages.map((url) => listedArticleUrls(page(url)))).toEqual([
      chery.slice(0, 5).map((article) => article.url),
      chery.slice(5, 10).map((article) => article.url),
      chery.slice(10).map((article) => article.url),
    ]);
    expect(pages.map((url) => pagerTargets(page(url)))).toEqual([
      { next: "/companies/chery/page/2/" },
      { previous: "/companies/chery/", next: "/companies/chery/page/3/" },
      { previous: "/companies/chery/page/2/" },
    ]);
    expect(site.fileFor("/companies/chery/page/4/")).toBeUndefined();
  });

  it("orders articles of the same day by slug", () => {
    const sameDay = [
      "/articles/geely-monjaro-russian-debut/",
      "/articles/volkswagen-halts-russian-exports/",
    ];
    expect(fixtureNamed("geely-monjaro-russian-debut.md").date).toBe(
      fixtureNamed("volkswagen-halts-exports.md").date,
    );
    const home = site
      .pages()
      .filter((url) => url === "/" || url.startsWith("/page/"))
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .flatMap((url) => listedArticleUrls(page(url)));
    const first = home.indexOf(sameDay[0] ?? "");
    expect(first).toBeGreaterThanOrEqual(0);
    expect(home[first + 1]).toBe(sameDay[1]);
  });

  it("publishes no trace of the drafts: no page, no link, no title, no term name", () => {
    const draftWords = drafts.flatMap((draft) => [
      draft.url,
      draft.title,
      ...draft.companies,
      ...draft.models.map((model) => model.name),
      ...draft.partners.map((partner) => partner.name),
    ]);
    expect(drafts).toHaveLength(2);
    const publishedText = published
      .map((article) => readFileSync(path.join(CORPUS, "articles", article.file), "utf8"))
      .join("\n");
    for (const word of draftWords) expect(publishedText).not.toContain(word);

    for (const url of site.pages()) {
      const html = site.readPage(url);
      for (const word of draftWords) expect(html, `${word} on ${url}`).not.toContain(word);
    }
    for (const draft of drafts) {
      expect(site.fileFor(draft.url)).toBeUndefined();
      expect(site.fileFor(`/companies/${expectedSlug(draft.companies[0] ?? "")}/`)).toBeUndefined();
    }
  });

  it("gives Москвич and Moskvich one partner page", () => {
    const cyrillic = published.filter((a) => a.partners.some((p) => p.name === "Москвич"));
    const latin = published.filter((a) => a.partners.some((p) => p.name === "Moskvich"));
    expect(cyrillic).toHaveLength(1);
    expect(latin.length).toBeGreaterThan(0);

    const partnerPage = page("/partners/moskvich/");
    expect(textOf(partnerPage.querySelector("h1"))).toBe("Moskvich");
    expect(listedArticleUrls(partnerPage).sort()).toEqual(
      [...cyrillic, ...latin].map((article) => article.url).sort(),
    );
    const cyrillicArticle = page(cyrillic[0]?.url ?? "");
    expect(attributeValues(cyrillicArticle, ".article__tags a.chip", "href")).toContain(
      "/partners/moskvich/",
    );
    expect(site.pages().filter((url) => url.startsWith("/partners/u-"))).toEqual([]);
  });

  it("gives company names that differ only in case one page, under the most used spelling", () => {
    const upper = fixtureNamed("chery-dealer-network-expands.md");
    const lower = fixtureNamed("chery-arrizo-8-sedan.md");
    const shouting = fixtureNamed("avtovaz-lada-niva-travel-simplified.md");
    expect([upper.companies, lower.companies, shouting.companies]).toEqual([
      ["CHERY"],
      ["chery"],
      ["AVTOVAZ"],
    ]);
    for (const [article, companyUrl, name] of [
      [upper, "/companies/chery/", "Chery"],
      [lower, "/companies/chery/", "Chery"],
      [shouting, "/companies/avtovaz/", "AvtoVAZ"],
    ] as const) {
      const link = page(article.url).querySelector(`.article__tags a.chip[href="${companyUrl}"]`);
      expect(textOf(link), article.url).toBe(name);
    }
  });

  it("gives Geely Atlas and Volkswagen Atlas separate model pages", () => {
    const geely = page("/models/geely-atlas/");
    const volkswagen = page("/models/volkswagen-atlas/");
    expect(textOf(geely.querySelector(".term-kind"))).toBe("Model by Geely");
    expect(textOf(volkswagen.querySelector(".term-kind"))).toBe("Model by Volkswagen");
    expect(listedArticleUrls(geely)).toContain("/articles/geely-atlas-new-generation/");
    expect(listedArticleUrls(geely)).not.toContain("/articles/volkswagen-atlas-us-refresh/");
    expect(listedArticleUrls(volkswagen)).toContain("/articles/volkswagen-atlas-us-refresh/");
    expect(listedArticleUrls(volkswagen)).not.toContain("/articles/geely-atlas-new-generation/");
    expect(
      attributeValues(page("/articles/atlas-name-clash/"), ".article__tags a.chip", "href"),
    ).toEqual(expect.arrayContaining(["/models/geely-atlas/", "/models/volkswagen-atlas/"]));
  });

  it("shows each partner's status on the article page and on the partner page", () => {
    let checked = 0;
    for (const article of published) {
      for (const partner of article.partners) {
        const label = STATUS_LABELS[partner.status];
        const partnerUrl = `/partners/${expectedSlug(partner.name)}/`;
        const chip = page(article.url).querySelector(`.article__tags a.chip[href="${partnerUrl}"]`);
        expect(textOf(chip?.parentNode?.querySelector(".status")), article.url).toBe(label);
        const card = articleCard(page(partnerUrl), article.url);
        expect(textOf(card?.querySelector(".meta .status")), partnerUrl).toBe(`partner ${label}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("dates every article in a <time> element with the day the editor wrote", () => {
    const cases = [
      ["chery-localization-russia.md", "2022-06-01", "June 1, 2022"],
      ["chery-tiggo-7-pro-price-list.md", "2022-06-01T23:45:00+03:00", "June 1, 2022"],
      // 21:30 UTC on 1 June, but the editor wrote 2 June in Moscow: the page says 2 June.
      ["chery-dealer-network-expands.md", "2022-06-02T00:30:00+03:00", "June 2, 2022"],
    ] as const;
    for (const [file, datetime, label] of cases) {
      const article = fixtureNamed(file);
      expect(article.date).toBe(datetime);
      const time = page(article.url).querySelector(".article__header time");
      expect(time?.getAttribute("datetime")).toBe(datetime);
      expect(textOf(time)).toBe(label);
      const card = articleCard(page("/companies/chery/"), article.url);
      expect(card?.querySelector("time")?.getAttribute("datetime")).toBe(datetime);
    }
  });

  it("prints template syntax in an article body as written", () => {
    const body = textOf(
      page("/articles/haval-jolion-greeting-bug/").querySelector(".article__body"),
    );
    expect(body).toContain("showed the text {{ driver.name }} and, below it, {% if morning %}.");
  });

  it("shows the source with its link and derives a summary when none is written", () => {
    const sourced = fixtureNamed("chery-localization-russia.md");
    const source = page(sourced.url).querySelector(".source a");
    expect(source?.getAttribute("href")).toBe(sourced.source?.url);
    expect(textOf(source)).toBe("TASS");

    const unsummarized = fixtures.filter((article) => article.summary === undefined);
    expect(unsummarized.map((article) => article.file)).toEqual([
      "chery-parts-warehouse-moscow.md",
    ]);
    const article = unsummarized[0] as FixtureArticle;
    const card = articleCard(page("/companies/chery/page/2/"), article.url);
    expect(textOf(card?.querySelector(".article-card__summary"))).toBe(article.firstParagraph);
  });

  it("leaves no internal link or asset reference in any page unresolved", () => {
    const references = new Set<string>();
    const broken: string[] = [];
    for (const url of site.pages()) {
      for (const reference of localReferences(page(url))) {
        references.add(reference);
        if (!site.fileFor(reference)) broken.push(`${url} → ${reference}`);
      }
    }
    // The stylesheet and a link an editor wrote in an article body are among those checked.
    expect(references).toContain("/assets/site.css");
    expect(localReferences(page("/articles/chery-parts-warehouse-moscow/"))).toContain(
      "/companies/chery/",
    );
    expect(broken).toEqual([]);
  });

  it("lists every company with its article count in the company directory", () => {
    const expected = [...expectedTerms()]
      .filter(([url]) => url.startsWith("/companies/"))
      .map(([url, articles]) => [
        url,
        `${articles.length} article${articles.length === 1 ? "" : "s"}`,
      ])
      .sort();
    const listed = page("/companies/")
      .querySelectorAll(".directory li")
      .map((item) => [
        item.querySelector("a")?.getAttribute("href"),
        textOf(item.querySelector(".count")),
      ])
      .sort();
    expect(listed).toEqual(expected);
    expect(expected).toContainEqual(["/companies/chery/", "13 articles"]);
  });

  it("groups the model directory by company", () => {
    const expected = new Map<string, Set<string>>();
    for (const url of expectedTerms().keys()) {
      if (!url.startsWith("/models/")) continue;
      const article = published.find((candidate) =>
        candidate.models.some(
          (model) => `/models/${expectedSlug(model.company)}-${expectedSlug(model.name)}/` === url,
        ),
      );
      const model = article?.models.find(
        (candidate) =>
          `/models/${expectedSlug(candidate.company)}-${expectedSlug(candidate.name)}/` === url,
      );
      const companyUrl = `/companies/${expectedSlug(model?.company ?? "")}/`;
      expected.set(companyUrl, (expected.get(companyUrl) ?? new Set()).add(url));
    }
    const groups = new Map(
      page("/models/")
        .querySelectorAll(".directory-group")
        .map((group) => [
          group.querySelector("h2 a")?.getAttribute("href") ?? "",
          new Set(attributeValues(group, ".directory a", "href")),
        ]),
    );
    expect(groups).toEqual(expected);
    expect(groups.get("/companies/geely/")).toContain("/models/geely-atlas/");
    expect(groups.get("/companies/volkswagen/")).toContain("/models/volkswagen-atlas/");
  });

  it("writes exactly the files the site's claim table holds, besides the search index", async () => {
    const settings = await loadSiteSettings(CORPUS, "site.yaml");
    if (!settings.ok) throw new Error("the corpus has no settings");
    const { registry } = await loadRegistry(CORPUS);
    const loaded = await loadArticles(CORPUS, settings.settings.timeZone, registry);
    const rendered = await renderArticles(loaded.articles, {
      linkUrls: new Map(),
      cache: RenderCache.disabled(),
    });
    const articles = rendered.articles.filter((article) => !article.draft);
    const index = buildTermIndex(articles);
    const news = buildSiteData(settings.settings, articles, index, {
      registry,
      today: "2099-01-01",
    });
    const written = readdirSync(site.outputDir, { recursive: true, encoding: "utf8" })
      .filter((name) => statSync(path.join(site.outputDir, name)).isFile())
      .map((name) => name.split(path.sep).join("/"))
      .filter((file) => !file.startsWith("pagefind/"));
    expect(claimedFiles(news, { articles, index, registry }).sort()).toEqual(written.sort());
  });

  it("writes a not-found page", () => {
    expect(textOf(page("/404.html").querySelector("h1"))).toBe("Page not found");
  });

  it("leaves beside the output only the site it links to, though it kept no search cache", () => {
    const beside = readdirSync(path.dirname(site.outputDir)).sort();
    expect(beside).toHaveLength(2);
    expect(beside[0]).toBe("_site");
    expect(beside[1]).toMatch(/^_site\.v-\d+-\d+$/);
  });
});

describe("building content where two models would share an address", () => {
  afterAll(removeContentFolders);

  it("names both files and writes no output folder", async () => {
    const contentDir = await createContentFolder(modelsSharingAnAddress());
    const parent = await temporaryFolder("conflict");
    const outputDir = path.join(parent, "_site");

    const result = await buildSite({ contentDir, outputDir });

    expect({ ok: result.ok, pageCount: result.pageCount }).toEqual({ ok: false, pageCount: 0 });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: path.join(contentDir, "articles/chery-tiggo-4-pro-prices.md"),
        line: 5,
        column: 10,
        severity: "error",
        ruleId: "url-conflict",
        message: `/models/chery-tiggo-4-pro/ is claimed by the model "4 Pro" of Chery Tiggo and by the model "Tiggo 4 Pro" of Chery (${path.join(contentDir, "articles/chery-tiggo-4-pro-assembly.md")}:5:10)`,
        fix: "correct whichever name is wrong, or write the model's full name so its page gets an address of its own",
      },
    ]);
    expect(await readdir(parent)).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });
});

describe("building content with an invalid article", () => {
  let parent: string;
  let contentDir: string;

  beforeAll(async () => {
    parent = await temporaryFolder("invalid");
    contentDir = path.join(parent, "content");
    await contentBesideOneGoodArticle(contentDir);
    await writeFile(
      path.join(contentDir, "articles", "haval-jolion-price-cut.md"),
      [
        "---",
        "title: Haval cuts Jolion prices by 100,000 rubles",
        "date: 2022-02-30",
        "company: Haval",
        "---",
        "",
        "Haval has cut the price of every Jolion version by 100,000 rubles until the end of the month.",
        "",
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it("returns the article's diagnostics and writes no output folder", async () => {
    const outputDir = path.join(parent, "first-site");

    const result = await buildSite({ contentDir, outputDir });

    expect(result.ok).toBe(false);
    expect(result.pageCount).toBe(0);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/haval-jolion-price-cut\.md$/),
        line: 3,
        severity: "error",
        message: expect.stringContaining("2022-02-30"),
      }),
    );
    expect((await readdir(parent)).filter((name) => name.startsWith("first-site"))).toEqual([]);
  });

  it("leaves the previously published site exactly as it was", async () => {
    const outputDir = path.join(parent, "published-site");
    await mkdir(outputDir);
    const previousHome = "<h1>Latest news</h1><p>Geely recalls Coolray crossovers</p>";
    await writeFile(path.join(outputDir, "index.html"), previousHome);

    const result = await buildSite({ contentDir, outputDir });

    expect(result.ok).toBe(false);
    expect(await readdir(outputDir)).toEqual(["index.html"]);
    expect(readFileSync(path.join(outputDir, "index.html"), "utf8")).toBe(previousHome);
    expect((await readdir(parent)).filter((name) => name.startsWith("published-site"))).toEqual([
      "published-site",
    ]);
  });
});

describe("building names that resemble registered ones", () => {
  const registry = {
    companies: "companies:\n  - name: Chery\n",
    models: "models:\n  - name: Tiggo 8 Pro Max\n    company: Chery\n",
    partners: "partners:\n  - name: UAZ\n    aliases: [Ulyanovsk Automobile Plant]\n",
  };
  const tulaArticle = (company: string) =>
    articleText([
      `title: ${company} looks for a plant in Tula for the Tiggo 8 Pro`,
      "date: 2022-06-01",
      `company: ${company}`,
      "models: [Tiggo 8 Pro Max, Tiggo 8 Pro]",
      "partners: [UAZ, Tula Automobile Plant]",
    ]);

  afterAll(removeContentFolders);

  it("publishes a new partner and model beside the registered ones, warning that they are unregistered", async () => {
    const contentDir = await createContentFolder({
      registry,
      articles: { "chery-tula-assembly.md": tulaArticle("Chery") },
    });
    const built = await buildFixtureSite(contentDir);
    try {
      expect({
        warnings: built.result.diagnostics.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`),
        pages: built
          .pages()
          .filter((url) => /^\/(models|partners)\/[^/]+\/$/.test(url))
          .filter((url) => !url.endsWith("/by-count/")),
      }).toEqual({
        warnings: [
          'warning unregistered-term: the model "Tiggo 8 Pro" is not in the registry',
          'warning unregistered-term: the partner "Tula Automobile Plant" is not in the registry',
        ],
        pages: [
          "/models/chery-tiggo-8-pro-max/",
          "/models/chery-tiggo-8-pro/",
          "/partners/tula-automobile-plant/",
          "/partners/uaz/",
        ],
      });
    } finally {
      await built.remove();
    }
  });

  it('stops on a true typo with unknown-company "Cherry" — did you mean "Chery"?', async () => {
    const contentDir = await createContentFolder({
      registry,
      articles: { "chery-tula-assembly.md": tulaArticle("Cherry") },
    });
    const parent = await temporaryFolder("site");
    const result = await buildSite({ contentDir, outputDir: path.join(parent, "_site") });
    await rm(parent, { recursive: true, force: true });
    expect({
      ok: result.ok,
      errors: result.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.ruleId} ${d.message}`),
    }).toEqual({
      ok: false,
      errors: ['unknown-company unknown company "Cherry" — did you mean "Chery"?'],
    });
  });
});

describe("building an article whose headline holds ` #`", () => {
  const headline = (titleLine: string) =>
    createContentFolder({
      articles: {
        "chery-number-one.md": articleText([titleLine, "date: 2022-06-01", "company: Chery"]),
      },
    });

  afterAll(removeContentFolders);

  it("stops with the cut located at the `#` and writes no output folder", async () => {
    const contentDir = await headline("title: Chery #1 in Russia");
    const parent = await temporaryFolder("cut-title");
    const outputDir = path.join(parent, "_site");

    const result = await buildSite({ contentDir, outputDir });

    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/articles\/chery-number-one\.md$/),
        line: 2,
        column: 14,
        severity: "error",
        ruleId: "comment-cuts-text",
        fix: expect.stringContaining('`title: "Chery #1 in Russia"`'),
      }),
    ]);
    expect(await readdir(parent)).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });

  it("publishes the quoted headline whole", async () => {
    const site = await buildFixtureSite(await headline('title: "Chery #1 in Russia"'));
    try {
      const article = parseHtml(site.readPage("/articles/chery-number-one/"));
      expect(textOf(article.querySelector("h1"))).toBe("Chery #1 in Russia");
    } finally {
      await site.remove();
    }
  });
});

describe("building content with an article nested past the Markdown limits", () => {
  let parent: string;

  beforeAll(async () => {
    parent = await temporaryFolder("too-deep");
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it("stops with the located error instead of an internal error, writing nothing", async () => {
    const contentDir = path.join(parent, "content");
    await contentBesideOneGoodArticle(contentDir);
    await writeFile(
      path.join(contentDir, "articles", "moskvich-quotes.md"),
      [
        "---",
        "title: Moskvich quotes its partners",
        "date: 2022-06-03",
        "company: Moskvich",
        "---",
        "",
        `${">".repeat(5000)} Chery and KAMAZ are named as partners.`,
        "",
      ].join("\n"),
    );
    const outputDir = path.join(parent, "_site");

    const result = await buildSite({ contentDir, outputDir });

    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/moskvich-quotes\.md$/),
        line: 7,
        column: 33,
        severity: "error",
        ruleId: "body-too-deep",
      }),
    ]);
    expect(await readdir(parent)).toEqual(["content"]);
  });
});
