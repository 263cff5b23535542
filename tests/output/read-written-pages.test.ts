import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputFiles, siteUrlOfFile } from "../../src/output/check-links.ts";
import { type PageReading, readWrittenPages } from "../../src/output/read-written-pages.ts";
import { type BuiltSite, buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");
const AVTOVAZ = "/companies/avtovaz/";
const VESTA = "/articles/avtovaz-lada-vesta-restart/";

let site: BuiltSite;
let reading: PageReading;
let pageUrls: string[];

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
  // `_site` is a link to its version: copy the files, so that one page can be spoiled.
  const outputDir = path.join(await temporaryFolder("reading"), "_site");
  await cp(site.outputDir, outputDir, { recursive: true, dereference: true });
  const vestaFile = path.join(outputDir, "articles/avtovaz-lada-vesta-restart/index.html");
  const html = await readFile(vestaFile, "utf8");
  await writeFile(
    vestaFile,
    html.replace("</main>", '<a href="/companies/lada-motors/">x</a></main>'),
  );
  const files = await outputFiles(outputDir);
  pageUrls = [...files].filter((file) => file.endsWith(".html")).map(siteUrlOfFile);
  reading = {
    outputDir,
    site: { baseUrl: "https://news-digest.example.org/", pathPrefix: "/", files: [...files] },
    articlesPrefix: "/articles/",
  };
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

const IN_THIS_THREAD = Number.POSITIVE_INFINITY;
const ON_THREADS = 1;

describe("reading the written pages", () => {
  it("gives the same answers on threads as in the calling thread", async () => {
    const here = await readWrittenPages(reading, pageUrls, IN_THIS_THREAD);
    const threads = await readWrittenPages(reading, pageUrls, ON_THREADS);
    expect(threads).toEqual(here);
    expect(here).toHaveLength(pageUrls.length);
  });

  it.each([
    ["in the calling thread", IN_THIS_THREAD],
    ["on threads", ON_THREADS],
  ])("reads which articles a list page links to %s", async (_where, threadsFrom) => {
    const [avtovaz] = await readWrittenPages(reading, [AVTOVAZ, VESTA], threadsFrom);
    expect(avtovaz?.listed).toContain(VESTA);
    expect(avtovaz?.problems).toEqual([]);
  });

  it.each([
    ["in the calling thread", IN_THIS_THREAD],
    ["on threads", ON_THREADS],
  ])("tells an address that leads to no file of the site %s", async (_where, threadsFrom) => {
    const [vesta] = await readWrittenPages(reading, [VESTA, AVTOVAZ], threadsFrom);
    expect(vesta?.problems).toEqual([
      {
        message:
          "links to /companies/lada-motors/, but the build wrote no companies/lada-motors/index.html",
        target: "/companies/lada-motors/",
      },
    ]);
  });

  it.each([
    ["in the calling thread", IN_THIS_THREAD],
    ["on threads", ON_THREADS],
  ])("answers nothing for a page without a file %s", async (_where, threadsFrom) => {
    expect(
      await readWrittenPages(reading, ["/companies/unwritten/", AVTOVAZ], threadsFrom),
    ).toEqual([undefined, expect.objectContaining({ problems: [] })]);
  });
});
