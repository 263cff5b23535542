import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { builderVersion } from "../../src/output/builder-version.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let project: string;

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(project, file)), { recursive: true });
  await writeFile(path.join(project, file), text);
}

beforeEach(async () => {
  project = await temporaryFolder("builder");
  await put("templates/layouts/base.njk", "<title>{{ pageTitle }}</title>");
  await put("templates/pages/article.njk", "<h1>{{ article.title }}</h1>");
  await put("src/urls.ts", 'export const homeUrl = "/";');
  await put(".eleventy.ts", "export default function configure() {}");
  await put("package-lock.json", '{"packages": {"node_modules/nunjucks": {"version": "3.2.4"}}}');
});

describe("builderVersion", () => {
  it("is the same for the same files", async () => {
    expect(await builderVersion(project)).toBe(await builderVersion(project));
  });

  it("changes when a template changes", async () => {
    const before = await builderVersion(project);
    await put("templates/pages/article.njk", "<h1 class=headline>{{ article.title }}</h1>");
    expect(await builderVersion(project)).not.toBe(before);
  });

  it("changes when the core's code changes", async () => {
    const before = await builderVersion(project);
    await put("src/urls.ts", 'export const homeUrl = "/news/";');
    expect(await builderVersion(project)).not.toBe(before);
  });

  it("changes when a dependency is upgraded in the lock file", async () => {
    const before = await builderVersion(project);
    await put("package-lock.json", '{"packages": {"node_modules/nunjucks": {"version": "3.2.5"}}}');
    expect(await builderVersion(project)).not.toBe(before);
  });

  it("changes when a template is added", async () => {
    const before = await builderVersion(project);
    await put("templates/pages/timeline.njk", "<ol></ol>");
    expect(await builderVersion(project)).not.toBe(before);
  });
});
