import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validateArticle } from "../../src/content/validate-article.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { renderMarkdown } from "../../src/markdown/render-markdown.ts";
import { slugifyText, termSlug } from "../../src/registry/normalize-term.ts";
import { articleUrl, isSafeSlug, pageUrl, type TermKind, termUrl } from "../../src/urls.ts";
import { articleFile } from "../support/articles.ts";
import { parseHtml } from "../support/html.ts";

const RUNS = { numRuns: 200 };
const OUTPUT = path.resolve("/srv/site/_site");

const DANGEROUS_FRAGMENTS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js>",
  '<img src=x onerror="alert(1)">',
  "<iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)" onclick=alert(1)>x</a>',
  "[link](javascript:alert(1))",
  "[link](JaVaScRiPt:alert(1))",
  "[link](java\tscript:alert(1))",
  "[link](&#106;avascript:alert(1))",
  "![image](javascript:alert(1))",
  "[data](data:text/html;base64,PHNjcmlwdD4=)",
  "<svg onload=alert(1)>",
  '<div style="background:url(javascript:alert(1))">',
  "[ref]: javascript:alert(1)\n\n[ref]",
  "<!-- <script> -->",
  "```html\n<script>alert(1)</script>\n```",
  "`<script>`",
  "{{ 7*7 }} {% raw %} {# c #}",
  "<",
  "](",
];

const markdown = fc
  .array(
    fc.tuple(
      fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS_FRAGMENTS)),
      fc.constantFrom(" ", "\n", "\n\n"),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.flat().join(""));

/** Values YAML can hold, under the article's own keys and others. */
const frontMatterData = fc.dictionary(
  fc.oneof(
    fc.constantFrom("title", "date", "updated", "company", "models", "partners"),
    fc.constantFrom("summary", "source", "slug", "draft", "corrections", "permalink"),
    fc.string({ maxLength: 12 }),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

function articleOf(frontMatter: string, body: string) {
  return articleFile("property", `---\n${frontMatter}\n---\n\n${body}\n`);
}

/** The outcome is either an article or at least one error: never both, never neither. */
function isArticleOrErrors(result: ReturnType<typeof validateArticle>): boolean {
  return result.article === undefined
    ? hasErrors(result.diagnostics)
    : !hasErrors(result.diagnostics);
}

describe("validation never crashes", () => {
  it("yields an article or errors for front-matter generated from arbitrary values", () => {
    fc.assert(
      fc.property(frontMatterData, markdown, (data, body) =>
        isArticleOrErrors(validateArticle(articleOf(stringify(data), body), "Europe/Moscow")),
      ),
      RUNS,
    );
  });

  it("yields an article or errors for arbitrary front-matter text", () => {
    fc.assert(
      fc.property(fc.string(), markdown, (text, body) =>
        isArticleOrErrors(validateArticle(articleOf(text, body), "Europe/Moscow")),
      ),
      RUNS,
    );
  });

  it("yields an article or errors for an arbitrary file", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) =>
        isArticleOrErrors(validateArticle(articleFile("property", text), "UTC")),
      ),
      RUNS,
    );
  });
});

/** What a browser would act on: element names and attributes, values decoded. */
function elementsOf(html: string): Array<{ tag: string; attributes: Record<string, string> }> {
  return parseHtml(html)
    .querySelectorAll("*")
    .map((element) => ({ tag: element.rawTagName.toLowerCase(), attributes: element.attributes }));
}

describe("rendered Markdown", () => {
  it("never holds a script element, an event handler or a javascript: URL", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const elements = elementsOf(renderMarkdown(text).html);
        const attributes = elements.flatMap((element) => Object.entries(element.attributes));
        expect(elements.map((element) => element.tag)).not.toContain("script");
        expect(attributes.filter(([name]) => /^on/i.test(name))).toEqual([]);
        expect(
          attributes.filter(
            ([name, value]) => /^(?:href|src)$/i.test(name) && /^\s*javascript:/i.test(value),
          ),
        ).toEqual([]);
      }),
      RUNS,
    );
  });
});

const names = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("..", "../etc", "/etc/passwd", "%2e%2e", "a/b", "C:\\x", "Москвич", "奇瑞", "🚗"),
);

describe("slugs and URLs", () => {
  it("makes every term slug a safe URL segment, or no slug at all", () => {
    fc.assert(
      fc.property(names, (name) => {
        const slug = termSlug(name);
        return slug === undefined || isSafeSlug(slug);
      }),
      RUNS,
    );
  });

  it("makes every article slug from a file name a safe URL segment, or refuses it", () => {
    fc.assert(
      fc.property(names, (name) => {
        const slug = slugifyText(name);
        return slug === "" || isSafeSlug(slug);
      }),
      RUNS,
    );
  });

  it("keeps every page URL of a safe slug inside the output folder", () => {
    const kinds: TermKind[] = ["company", "model", "partner"];
    fc.assert(
      fc.property(
        names.map(slugifyText).filter((slug) => slug !== ""),
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 10_000 }),
        (slug, kind, pageNumber) => {
          const urls = [articleUrl(slug), pageUrl(termUrl(kind, slug), pageNumber)];
          return urls.every((url) => path.join(OUTPUT, url).startsWith(`${OUTPUT}${path.sep}`));
        },
      ),
      RUNS,
    );
  });
});
