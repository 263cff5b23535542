import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import { temporaryFolder } from "./support/temporary-folder.ts";

// `npm test` runs dependency-cruiser over src/ with `.dependency-cruiser.cjs`. These tests
// run the same rules over small trees, so a rule that stopped firing would be noticed.

const require = createRequire(import.meta.url);
const { forbidden } = require("../.dependency-cruiser.cjs");

/** A tree of modules `path → source`, cruised with the project's rules: each broken rule. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = await temporaryFolder("dependency-rules");
  for (const [file, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), source);
  }
  // Eleventy as the rules see it: a package below node_modules.
  const eleventy = path.join(root, "node_modules/@11ty/eleventy");
  await mkdir(eleventy, { recursive: true });
  await writeFile(
    path.join(eleventy, "package.json"),
    '{ "name": "@11ty/eleventy", "main": "index.js" }',
  );
  await writeFile(path.join(eleventy, "index.js"), "export default class Eleventy {}\n");
  const result = await cruise(["src"], {
    validate: true,
    ruleSet: { forbidden },
    baseDir: root,
    tsPreCompilationDeps: true,
  });
  await rm(root, { recursive: true, force: true });
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
}

describe("the pipeline's import rules", () => {
  it.each([
    [
      "a stage importing a later stage",
      {
        "src/content/article.ts":
          'import { render } from "../markdown/render.ts";\nexport const article = render;\n',
        "src/markdown/render.ts": "export const render = 1;\n",
      },
      ["content-imports-downstream: src/content/article.ts → src/markdown/render.ts"],
    ],
    [
      "a cycle of type imports",
      {
        "src/site/news.ts":
          'import type { View } from "./view.ts";\nexport type News = { views: View[] };\n',
        "src/site/view.ts":
          'import type { News } from "./news.ts";\nexport type View = { news: News };\n',
      },
      // A cycle is told once, from the module the cruise meets first.
      ["no-circular: src/site/news.ts → src/site/view.ts"],
    ],
    [
      "a shared file importing a stage",
      {
        "src/urls.ts": 'import { slug } from "./registry/slug.ts";\nexport const url = slug;\n',
        "src/registry/slug.ts": "export const slug = 1;\n",
      },
      ["foundation-imports-no-stage: src/urls.ts → src/registry/slug.ts"],
    ],
    [
      "the site model importing Eleventy",
      {
        "src/site/pages.ts":
          'import Eleventy from "@11ty/eleventy";\nexport const pages = Eleventy;\n',
      },
      ["eleventy-only-in-its-adapter: src/site/pages.ts → node_modules/@11ty/eleventy/index.js"],
    ],
  ])("refuses %s", async (_case, files, expected) => {
    expect((await violations(files)).sort()).toEqual(expected.sort());
  });

  it("lets a stage import the stages before it and the shared files", async () => {
    expect(
      await violations({
        "src/urls.ts": "export const homeUrl = '/';\n",
        "src/content/article.ts":
          'import { homeUrl } from "../urls.ts";\nexport const article = homeUrl;\n',
        "src/markdown/render.ts":
          'import { article } from "../content/article.ts";\nexport const render = article;\n',
        "src/output/eleventy-site.ts":
          'import Eleventy from "@11ty/eleventy";\nimport { render } from "../markdown/render.ts";\nexport const site = [Eleventy, render];\n',
      }),
    ).toEqual([]);
  });
});
