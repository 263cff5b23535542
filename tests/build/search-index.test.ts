import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: { title: string };
}

let site: BuiltSite;
let fragments: Fragment[];

/** Pagefind's fragments: gzipped JSON behind a signature, one per indexed record. */
function readFragments(siteDir: string): Fragment[] {
  const folder = path.join(siteDir, "pagefind", "fragment");
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(path.join(folder, name))).toString("utf8");
    return JSON.parse(text.replace(/^pagefind_dcd/, "")) as Fragment;
  });
}

beforeAll(async () => {
  site = await buildFixtureSite(CORPUS);
  fragments = readFragments(site.outputDir);
}, 60_000);

afterAll(async () => {
  await site?.remove();
});

describe("the search index of a build", () => {
  it("holds exactly the published article pages", () => {
    const articlePages = site.pages().filter((url) => url.startsWith("/articles/"));
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(articlePages.sort());
  });

  it("leaves drafts out", () => {
    expect(fragments.some((fragment) => fragment.url.includes("draft"))).toBe(false);
  });

  it("titles each result with its article's headline and filters it by its tags", () => {
    const localization = fragments.find(
      (fragment) => fragment.url === "/articles/chery-localization-russia/",
    );
    expect(localization?.meta.title).toBe(
      "Chery makes localizing car assembly in Russia a top priority",
    );
    expect(localization?.filters.company).toEqual(["Chery"]);
    expect(localization?.filters.model).toEqual(["Tiggo 4 Pro"]);
    expect(localization?.content).toContain("Tiggo 4 Pro");
  });
});
