import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSiteSettings } from "../../src/settings/site-settings.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const SETTINGS = "content/site.yaml";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function load(lines: readonly string[] | undefined) {
  const dir = await temporaryFolder("settings");
  folders.push(dir);
  if (lines) await writeFile(path.join(dir, "site.yaml"), `${lines.join("\n")}\n`);
  return loadSiteSettings(dir, SETTINGS);
}

/** Valid settings, one per line: title 1, description 2, language 3, baseUrl 4, timeZone 5, pageSize 6. */
function settingsLines(changes: Record<string, string> = {}): string[] {
  const fields: Record<string, string> = {
    title: "Auto Industry Digest",
    description: "News about carmakers, their models and partners.",
    language: "ru",
    baseUrl: "https://news-digest.example.org/news",
    timeZone: "Europe/Moscow",
    pageSize: "10",
    ...changes,
  };
  return Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
}

async function problems(lines: readonly string[] | undefined) {
  const result = await load(lines);
  if (result.ok) throw new Error("expected the settings to be refused");
  return result.diagnostics;
}

function error(line: number, column: number, ruleId: string, message: string, fix: string) {
  return { file: SETTINGS, line, column, severity: "error", ruleId, message, fix };
}

describe("valid settings", () => {
  it("are read with a trailing slash added to the base URL", async () => {
    expect(await load(settingsLines())).toEqual({
      ok: true,
      settings: {
        title: "Auto Industry Digest",
        description: "News about carmakers, their models and partners.",
        language: "ru",
        baseUrl: "https://news-digest.example.org/news/",
        timeZone: "Europe/Moscow",
        pageSize: 10,
        archivePageSize: 100,
        digestPageSize: 100,
      },
    });
  });

  it("may leave the description out", async () => {
    const result = await load(settingsLines().filter((line) => !line.startsWith("description")));
    expect(result.ok && result.settings.description).toBe("");
  });
});

describe("problems", () => {
  it("reports a missing settings file", async () => {
    expect(await problems(undefined)).toEqual([
      error(
        1,
        1,
        "missing-settings",
        "the site settings file is missing",
        "create content/site.yaml with title, language, baseUrl, timeZone and pageSize",
      ),
    ]);
  });

  it("reports an unknown key at its line, suggesting the key it resembles", async () => {
    expect(await problems([...settingsLines(), "timezone: Europe/Moscow"])).toEqual([
      error(
        7,
        1,
        "unknown-key",
        'unknown field "timezone" — did you mean "timeZone"?',
        'rename it to "timeZone"',
      ),
    ]);
  });

  it("reports an invalid time zone at its value", async () => {
    expect(await problems(settingsLines({ timeZone: "Moscow/Kremlin" }))).toEqual([
      error(
        5,
        11,
        "invalid-field",
        "timeZone is not a known time zone",
        "use an IANA time zone such as `Europe/Moscow` or `UTC`",
      ),
    ]);
  });

  it.each(["ftp://news-digest.example.org/", "news-digest.example.org"])(
    "reports the base URL %s at its value",
    async (baseUrl) => {
      expect(await problems(settingsLines({ baseUrl }))).toEqual([
        error(
          4,
          10,
          "invalid-field",
          "baseUrl must be a web address starting with https://",
          "give the published address with a trailing slash: `baseUrl: https://news.example.org/`",
        ),
      ]);
    },
  );

  it("reports a page size that is not a whole number", async () => {
    expect(await problems(settingsLines({ pageSize: "2.5" }))).toEqual([
      error(
        6,
        11,
        "invalid-field",
        "pageSize must be a whole number",
        "give how many articles a list page shows, from 1 to 100: `pageSize: 10`",
      ),
    ]);
  });

  // The long calendar lists have page sizes of their own, each checked the same way.
  const calendarPageSizes = [
    ["archivePageSize", "a monthly archive"],
    ["digestPageSize", "a weekly digest"],
  ] as const;
  it.each(
    calendarPageSizes.flatMap(([key, list]) =>
      (
        [
          ["0", `${key} must be at least 1`],
          ["1001", `${key} must be at most 1000`],
          ["50.5", `${key} must be a whole number`],
          ["many", `${key} must be a number`],
        ] as const
      ).map(([value, message]) => ({ key, list, value, message })),
    ),
  )("reports a $key of $value", async ({ key, list, value, message }) => {
    expect(await problems(settingsLines({ [key]: value }))).toEqual([
      error(
        7,
        key.length + 3,
        "invalid-field",
        message,
        `give how many articles a page of ${list} shows, from 1 to 1000: \`${key}: 100\``,
      ),
    ]);
  });

  it("reports a missing title at the first line", async () => {
    expect(await problems(settingsLines().slice(1))).toEqual([
      error(1, 1, "missing-field", "title is missing", "name the site: `title: Auto News Digest`"),
    ]);
  });

  it("reports every problem of the file together", async () => {
    const diagnostics = await problems(
      settingsLines({ language: "12", timeZone: "Moscow/Kremlin", pageSize: "0" }),
    );
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, "language must be text"],
      [5, "timeZone is not a known time zone"],
      [6, "pageSize must be at least 1"],
    ]);
  });
});
