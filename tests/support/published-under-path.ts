import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyFixture } from "./build-fixture.ts";

/** Where a GitHub Pages project site is published: a path below the host. */
export const PROJECT_SITE_BASE_URL = "https://newsroom.github.io/news-digest/";
export const PROJECT_SITE_PATH = "/news-digest/";

/** A copy of a fixture content folder whose `baseUrl` is `baseUrl`. */
export async function fixturePublishedAt(fixtureDir: string, baseUrl: string): Promise<string> {
  const copy = await copyFixture(fixtureDir);
  const settings = path.join(copy, "site.yaml");
  const yaml = await readFile(settings, "utf8");
  const line = /^baseUrl:.*$/mu;
  if (!line.test(yaml)) throw new Error(`${settings} names no baseUrl to change`);
  await writeFile(settings, yaml.replace(line, `baseUrl: ${baseUrl}`));
  return copy;
}
