import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const TEMPLATES = path.resolve(import.meta.dirname, "../../templates");

/** Every template, as its path inside templates/ and its lines. */
const templates = readdirSync(TEMPLATES, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".njk"))
  .sort()
  .map((name) => ({ name, lines: readFileSync(path.join(TEMPLATES, name), "utf8").split("\n") }));

/**
 * Where a template writes an address: `href="/…"`, `url=/…` of a meta refresh, and the web
 * manifest's `start_url: "/"`, `scope` and icon `src` unless piped through `publishedUrl`.
 */
const ADDRESS =
  /\b(?:href|src|srcset|action)="([^"]*)"|\burl=([^"]*)"|\b(?:start_url|scope|src): "([^"]*)"(?!\s*\|\s*publishedUrl)/gu;

/** Written with a full address already: canonical links, feeds and other sites' pages. */
const FULL_ADDRESS =
  /\|\s*absoluteUrl\(|^\{\{\s*(?:about\.facts\.website|article\.source\.url|feed\.(?:atomSelfUrl|pageUrl)|entry\.url)\s*\}\}$/u;

function addressesOf(line: string): string[] {
  return Array.from(line.matchAll(ADDRESS), (match) => match[1] ?? match[2] ?? match[3] ?? "");
}

describe("the addresses templates write", () => {
  it("writes no address from the root: a site under a path would lose it", () => {
    expect(templates.map((template) => template.name)).toContain("layouts/base.njk");
    const literal = templates.flatMap(({ name, lines }) =>
      lines.flatMap((line, index) =>
        addressesOf(line)
          .filter((address) => address.startsWith("/"))
          .map((address) => `${name}:${index + 1}: ${address}`),
      ),
    );
    expect(literal).toEqual([]);
  });

  it("passes every site address through the publishedUrl filter", () => {
    const unfiltered = templates.flatMap(({ name, lines }) =>
      lines.flatMap((line, index) =>
        addressesOf(line)
          .filter((address) => address.includes("{{"))
          .filter(
            (address) => !/\|\s*publishedUrl\s*\}\}/u.test(address) && !FULL_ADDRESS.test(address),
          )
          .filter((address) => !/\{%\s*for\b/u.test(address))
          .map((address) => `${name}:${index + 1}: ${address}`),
      ),
    );
    expect(unfiltered).toEqual([]);
  });
});
