import { describe, expect, it } from "vitest";
import { adminMetaPolicy, META_CONTENT_SECURITY_POLICY } from "../../src/security-policy.ts";
import { siteBuiltOnce } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { parseHtml } from "../support/html.ts";

const site = siteBuiltOnce({
  site: `${siteYaml()}cms: { repo: newsroom/news-digest, branch: main }\n`,
  articles: {
    "chery-plant.md": articleText(
      [
        "title: Chery opens a plant",
        "date: 2022-06-01",
        "company: Chery",
        "source: { name: TASS, url: https://tass.com/economy/1 }",
      ],
      "Read [the report](https://example.org/report) or [the company page](/companies/chery/).",
    ),
  },
});

describe("the published headers and policy", () => {
  it("writes a _headers file allowing only the site's own scripts, styles and images", () => {
    expect(site.readPage("/_headers")).toBe(
      [
        "/*",
        "  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        "",
        "/admin/*",
        "  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; connect-src 'self' blob: https://api.github.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        "",
      ].join("\n"),
    );
  });

  it("gives every HTML page but the web editor's the site's policy, unchanged", () => {
    const policies = site.pages().map((url) => ({
      url,
      policy: parseHtml(site.readPage(url))
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute("content"),
    }));
    const [admin, others] = [
      policies.filter(({ url }) => url === "/admin/"),
      policies.filter(({ url }) => url !== "/admin/"),
    ];
    expect(admin).toEqual([{ url: "/admin/", policy: adminMetaPolicy() }]);
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter(({ policy }) => policy !== META_CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(
      /'unsafe-eval'|'unsafe-inline'|api\.github\.com/,
    );
  });

  it("leaves frame-ancestors out of the meta policy, where browsers ignore it", () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain("frame-ancestors");
  });

  it("puts the policy and the referrer policy in the head of every page that has the layout", () => {
    const pages = site.pages().filter((url) => site.readPage(url).includes('class="site-header"'));
    const heads = pages.map((url) => {
      const head = parseHtml(site.readPage(url)).querySelector("head");
      return {
        url,
        policy: head
          ?.querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute("content"),
        referrer: head?.querySelector('meta[name="referrer"]')?.getAttribute("content"),
      };
    });
    expect(pages.length).toBeGreaterThan(5);
    expect(heads).toEqual(
      pages.map((url) => ({
        url,
        policy: META_CONTENT_SECURITY_POLICY,
        referrer: "strict-origin-when-cross-origin",
      })),
    );
  });

  it("gives links to other sites in an article's text rel=noopener noreferrer", () => {
    const body = parseHtml(site.readPage("/articles/chery-plant/")).querySelector(".article__body");
    const rels = body
      ?.querySelectorAll("a")
      .map((link) => [link.getAttribute("href"), link.getAttribute("rel")]);
    expect(rels).toEqual([
      ["https://example.org/report", "noopener noreferrer"],
      ["/companies/chery/", undefined],
    ]);
  });

  it("gives the source link rel=noopener noreferrer", () => {
    const source = parseHtml(site.readPage("/articles/chery-plant/")).querySelector(".source a");
    expect(source?.getAttribute("rel")).toBe("noopener noreferrer");
  });
});
