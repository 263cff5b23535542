import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../../src/build/load-news.ts";
import { checkCompleteness } from "../../src/output/check-completeness.ts";
import type { SitePlan } from "../../src/site/news.ts";
import { type BuiltSite, buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";
import { articleCard, type HTMLElement, parseHtml } from "../support/html.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

let site: BuiltSite;
/** The corpus's site, as the build that wrote it planned it. */
let news: SitePlan;
let avtovazPage: HTMLElement;

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
  const loaded = await loadSite({ contentDir: CORPUS, includeDrafts: false });
  if (!loaded.site) throw new Error("The corpus did not load");
  news = loaded.site.plan;
  avtovazPage = parseHtml(site.readPage("/companies/avtovaz/"));
});

afterAll(async () => {
  await site?.remove();
});

/** A copy of the built corpus to spoil. */
async function copyOfSite(): Promise<string> {
  const copy = path.join(await temporaryFolder("complete"), "_site");
  // `_site` is a link to its version: copy the files, not the link.
  await cp(site.outputDir, copy, { recursive: true, dereference: true });
  return copy;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}

/** Changes the article list of the page in `file`; `cardOf` copies a card from the AvtoVAZ page. */
async function editList(
  file: string,
  change: (page: HTMLElement, list: HTMLElement, cardOf: (url: string) => HTMLElement) => void,
): Promise<void> {
  const page = parseHtml(await readFile(file, "utf8"));
  const list = page.querySelector("ol[data-article-list]");
  if (!list) throw new Error(`${file} has no article list`);
  const cardOf = (url: string) => {
    const card = articleCard(avtovazPage, url);
    if (!card) throw new Error(`The AvtoVAZ page does not list ${url}`);
    return card.clone() as HTMLElement;
  };
  change(page, list, cardOf);
  await writeFile(file, page.toString());
}

const VESTA = "/articles/avtovaz-lada-vesta-restart/";
const VESTA_FILE = /tests\/fixtures\/corpus\/articles\/avtovaz-lada-vesta-restart\.md$/;

describe("the completeness check", () => {
  it("finds nothing wrong with a complete build", async () => {
    expect(await checkCompleteness(site.outputDir, news)).toEqual([]);
  });

  it("hands back the article links of every list page it read", async () => {
    const listedByPage = new Map<string, string[]>();
    await checkCompleteness(site.outputDir, news, { listedByPage });
    expect(listedByPage.get("/companies/avtovaz/")).toContain(VESTA);
    expect(listedByPage.has("/")).toBe(true);
  });

  it("takes the links of a page kept from the previous build from what is known of it", async () => {
    const listedByPage = new Map<string, string[]>();
    await checkCompleteness(site.outputDir, news, { listedByPage });
    const avtovaz = (listedByPage.get("/companies/avtovaz/") ?? []).filter((url) => url !== VESTA);
    const problems = await checkCompleteness(site.outputDir, news, {
      listedByPage: new Map([["/companies/avtovaz/", avtovaz]]),
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining(`${VESTA} is missing from the page of AvtoVAZ`),
    ]);
  });

  it.each([
    {
      fault: "an article without its page",
      spoil: (dir: string) =>
        rm(path.join(dir, "articles/avtovaz-lada-vesta-restart"), { recursive: true }),
      file: VESTA_FILE,
      message: `the build wrote no page at ${VESTA}`,
    },
    {
      fault: "a term page that leaves an article out",
      spoil: (dir: string) =>
        editList(path.join(dir, "companies/avtovaz/index.html"), (page) =>
          articleCard(page, VESTA)?.remove(),
        ),
      file: VESTA_FILE,
      message: `${VESTA} is missing from the page of AvtoVAZ (/companies/avtovaz/)`,
    },
    {
      fault: "a term page that lists an article twice",
      spoil: (dir: string) =>
        editList(path.join(dir, "companies/avtovaz/index.html"), (_page, list, cardOf) =>
          list.appendChild(cardOf(VESTA)),
        ),
      file: VESTA_FILE,
      message: `${VESTA} is listed 2 times on the page of AvtoVAZ (/companies/avtovaz/)`,
    },
    {
      fault: "a term page that lists an article not about the term",
      spoil: (dir: string) =>
        editList(path.join(dir, "partners/uaz/index.html"), (_page, list, cardOf) =>
          list.appendChild(cardOf(VESTA)),
        ),
      file: VESTA_FILE,
      message: `the page of UAZ (/partners/uaz/) lists ${VESTA}, which does not belong there`,
    },
    {
      fault: "a page for an article that is not published",
      spoil: (dir: string) =>
        cp(
          path.join(dir, "articles/avtovaz-lada-vesta-restart"),
          path.join(dir, "articles/leaked-draft"),
          {
            recursive: true,
          },
        ),
      file: /^\/articles\/leaked-draft\/$/,
      message: "the build wrote a page at /articles/leaked-draft/ for no published article",
    },
    {
      fault: "a sitemap without an article",
      spoil: (dir: string) =>
        edit(path.join(dir, "sitemap.xml"), (xml) =>
          xml.replace(`<loc>https://news-digest.example.org${VESTA}</loc>`, ""),
        ),
      file: VESTA_FILE,
      message: `sitemap.xml does not list https://news-digest.example.org${VESTA}`,
    },
  ])("reports $fault, naming the article and the addresses", async ({ spoil, file, message }) => {
    const copy = await copyOfSite();
    await spoil(copy);

    const problems = await checkCompleteness(copy, news);

    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        ruleId: "incomplete-build",
        file: expect.stringMatching(file),
        message,
      }),
    ]);
    await rm(path.dirname(copy), { recursive: true, force: true });
  });

  it.each([
    {
      fault: "a page linking a page the build did not write",
      spoil: (dir: string) =>
        edit(path.join(dir, "companies/avtovaz/index.html"), (html) =>
          html.replace("</main>", '<a href="/companies/avtovaz/page/9/">Older</a></main>'),
        ),
      message:
        "/companies/avtovaz/ links to /companies/avtovaz/page/9/, but the build wrote no companies/avtovaz/page/9/index.html",
    },
    {
      fault: "a picture the build did not write",
      spoil: (dir: string) =>
        edit(path.join(dir, "partners/uaz/index.html"), (html) =>
          html.replace(
            "</main>",
            '<img src="/images/uaz-patriot-480.avif" alt="UAZ Patriot"></main>',
          ),
        ),
      message:
        "/partners/uaz/ links to /images/uaz-patriot-480.avif, but the build wrote no images/uaz-patriot-480.avif",
    },
    {
      fault: "a stylesheet every page loads and the build did not write",
      spoil: (dir: string) => rm(path.join(dir, "assets/site.css")),
      message:
        /^\/ \(and \d+ more pages: \/404\.html, .*, …\) links to \/assets\/site\.css, but the build wrote no assets\/site\.css$/u,
    },
  ])("reports $fault once, naming the pages that link it", async ({ spoil, message }) => {
    const copy = await copyOfSite();
    await spoil(copy);

    const problems = await checkCompleteness(copy, news);

    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        ruleId: "incomplete-build",
        message: typeof message === "string" ? message : expect.stringMatching(message),
      }),
    ]);
    await rm(path.dirname(copy), { recursive: true, force: true });
  });

  it("leaves the links of pages kept from the previous build unread", async () => {
    const copy = await copyOfSite();
    await edit(path.join(copy, "companies/avtovaz/index.html"), (html) =>
      html.replace("</main>", '<a href="/companies/avtovaz/page/9/">Older</a></main>'),
    );

    const kept = new Set(["/companies/avtovaz/"]);
    const listedByPage = new Map<string, string[]>();
    await checkCompleteness(site.outputDir, news, { listedByPage });

    expect(await checkCompleteness(copy, news, { listedByPage, keptPages: kept })).toEqual([]);
    expect(
      await checkCompleteness(copy, news, { listedByPage: new Map(listedByPage) }),
    ).toHaveLength(1);
    await rm(path.dirname(copy), { recursive: true, force: true });
  });
});
