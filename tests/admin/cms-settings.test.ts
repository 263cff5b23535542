import { describe, expect, it } from "vitest";
import { siteSettingsSchema } from "../../src/settings/site-settings.ts";
import { adminUrl } from "../../src/urls.ts";

const SITE = {
  title: "Auto Industry Digest",
  language: "en",
  baseUrl: "https://news-digest.example.org/",
  timeZone: "Europe/Moscow",
  pageSize: 10,
};

describe("the web editor's site settings", () => {
  it("are optional, so a site without a repository builds no /admin/", () => {
    expect(siteSettingsSchema.parse(SITE).cms).toBeUndefined();
  });

  it("default the branch to main", () => {
    expect(
      siteSettingsSchema.parse({ ...SITE, cms: { repo: "newsroom/news-digest" } }).cms,
    ).toEqual({
      repo: "newsroom/news-digest",
      branch: "main",
    });
  });

  it.each([
    [{ repo: "news-digest" }, "cms repo must be written owner/name"],
    [
      { repo: "newsroom/news-digest", baseUrl: "http://auth.example.org" },
      "cms baseUrl must be a web address starting with https://",
    ],
    [{ repo: "newsroom/news-digest", token: "x" }, "cms must be `{ repo, branch, baseUrl }`"],
  ])("refuses %j with a message that says what to write", (cms, message) => {
    const issues = siteSettingsSchema.safeParse({ ...SITE, cms }).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("gives the editor's addresses under /admin/", () => {
    expect([adminUrl(), adminUrl("config.yml")]).toEqual(["/admin/", "/admin/config.yml"]);
  });
});
