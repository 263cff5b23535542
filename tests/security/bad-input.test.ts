import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import { type Diagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatReport } from "../../src/diagnostics/format-diagnostics.ts";
import { type BuiltSite, buildFixtureSite, temporaryFolder } from "../support/build-fixture.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/bad-input");
const SIDE_EFFECT_FILE = path.join(os.tmpdir(), "news-digest-front-matter-ran");

/** A problem as the table states it: `file` is the path below `articles/`. */
interface Expected {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

type Outcome =
  /** The content is refused with exactly these errors, and nothing is built. */
  | { refused: Expected[] }
  /** The content is published; each page holds these exact (escaped) fragments. */
  | { published: Record<string, string[]>; never?: string[]; warnings?: Expected[] }
  /** The content is valid but left out of the published site, with these warnings. */
  | { withheld: string; warnings: Expected[] };

interface Case {
  hazard: string;
  /** The case's folder below the fixtures, copied as `articles/`; or a function writing it. */
  articles: string | ((articlesDir: string) => Promise<void>);
  outcome: Outcome;
  /** Further facts that must hold once the case has run. */
  afterwards?: () => void;
}

const LARGE_ARTICLE_BYTES = 5 * 1024 * 1024;
const LAST_PARAGRAPH = "The last paragraph of a five-megabyte article.";

async function writeLargeArticle(articlesDir: string): Promise<void> {
  const paragraph = `${"Chery sold more cars than ever, dealers in Moscow and Kazan said. ".repeat(12)}\n\n`;
  const count = Math.ceil(LARGE_ARTICLE_BYTES / paragraph.length);
  const text = [
    "---\ntitle: A very long article\ndate: 2022-06-01\ncompany: Chery\n---\n\n",
    paragraph.repeat(count),
    `${LAST_PARAGRAPH}\n`,
  ].join("");
  await writeFile(path.join(articlesDir, "large-article.md"), text);
}

async function writeLinkOutside(articlesDir: string): Promise<void> {
  const outside = path.join(await temporaryFolder("outside"), "secret.md");
  await writeFile(
    outside,
    "---\ntitle: Secret\ndate: 2022-06-01\ncompany: Chery\n---\n\nSecret.\n",
  );
  await symlink(outside, path.join(articlesDir, "link-outside.md"));
}

const error = (file: string, line: number, column: number, ruleId: string, message: string) => ({
  file,
  line,
  column,
  ruleId,
  message,
});
const SLUG_RULE = "slug may hold only lower-case letters, digits and hyphens";

const CASES: Case[] = [
  {
    hazard: "malformed YAML",
    articles: "malformed-yaml",
    outcome: {
      refused: [
        error(
          "malformed-yaml.md",
          4,
          23,
          "yaml-syntax",
          "this is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        ),
      ],
    },
  },
  {
    hazard: "a missing opening fence",
    articles: "missing-fence",
    outcome: {
      refused: [
        error("missing-fence.md", 1, 1, "missing-front-matter", "the file has no front-matter"),
      ],
    },
  },
  {
    hazard: "an unclosed fence",
    articles: "unclosed-fence",
    outcome: {
      refused: [
        error(
          "unclosed-fence.md",
          1,
          1,
          "unclosed-front-matter",
          "the front-matter is never closed",
        ),
      ],
    },
  },
  {
    hazard: "`---js` front-matter that would set a global and write a file",
    articles: "js-front-matter",
    outcome: {
      refused: [
        error(
          "js-front-matter.md",
          1,
          1,
          "front-matter-language",
          'front-matter must be YAML, but this file starts with "---js"',
        ),
      ],
    },
    afterwards: () => {
      expect("newsDigestFrontMatterRan" in globalThis).toBe(false);
      expect(existsSync(SIDE_EFFECT_FILE)).toBe(false);
    },
  },
  {
    hazard: "a wrong type in every field",
    articles: "wrong-types",
    outcome: {
      refused: [
        error("wrong-types.md", 2, 8, "invalid-field", "title must be text"),
        error(
          "wrong-types.md",
          3,
          7,
          "invalid-field",
          'date "yes" is not a date like 2022-06-01 or 2022-06-01T23:30:00+03:00',
        ),
        error("wrong-types.md", 4, 10, "invalid-field", "updated must be a date like 2022-06-01"),
        error(
          "wrong-types.md",
          5,
          10,
          "invalid-field",
          "company must be a name or a list of names",
        ),
        error("wrong-types.md", 6, 9, "invalid-field", "models must be a name or a list of names"),
        error(
          "wrong-types.md",
          7,
          11,
          "invalid-field",
          "partners must be a name or a list of names",
        ),
        error("wrong-types.md", 8, 10, "invalid-field", "summary must be text"),
        error("wrong-types.md", 9, 9, "invalid-field", "source must be `{ name, url }`"),
        error("wrong-types.md", 10, 7, "invalid-field", "slug must be text"),
        error("wrong-types.md", 11, 8, "invalid-field", "draft must be true or false"),
        error(
          "wrong-types.md",
          12,
          14,
          "invalid-field",
          "corrections must be a list of `{ date, text }`",
        ),
      ],
    },
  },
  {
    hazard: "a date that does not exist (2022-02-30)",
    articles: "impossible-date",
    outcome: {
      refused: [
        error(
          "impossible-date.md",
          3,
          7,
          "invalid-field",
          'date "2022-02-30" is not a real calendar date',
        ),
      ],
    },
  },
  {
    hazard: "a date far in the future (allowed, withheld until its day)",
    articles: "future-date",
    outcome: {
      withheld: "/articles/future-date/",
      warnings: [
        error(
          "future-date.md",
          3,
          7,
          "scheduled",
          "scheduled for 2999-01-01: left out of the published site until a build on or after that day",
        ),
      ],
    },
  },
  {
    hazard: "a time just before midnight in another zone (the day as written is kept)",
    articles: "near-midnight",
    outcome: {
      published: {
        "/articles/near-midnight/": [
          '<time datetime="2022-06-01T23:30:00-05:00">June 1, 2022</time>',
        ],
      },
    },
  },
  {
    hazard: "an empty file",
    articles: "empty-file",
    outcome: { refused: [error("empty-file.md", 1, 1, "empty-file", "the file is empty")] },
  },
  {
    hazard: "front-matter without any text",
    articles: "front-matter-only",
    outcome: {
      refused: [
        error(
          "front-matter-only.md",
          5,
          1,
          "empty-body",
          "the article has no text after the front-matter",
        ),
      ],
    },
  },
  {
    hazard: "a byte-order mark",
    articles: "byte-order-mark",
    outcome: {
      published: {
        "/articles/byte-order-mark/": [
          "<h1>Chery opens a plant with a byte-order mark</h1>",
          "<p>The file starts with a byte-order mark.</p>",
        ],
      },
    },
  },
  {
    hazard: "CRLF line endings",
    articles: "crlf-line-endings",
    outcome: {
      published: {
        "/articles/crlf-line-endings/": [
          "<h1>Chery opens a plant with CRLF line endings</h1>",
          "<p>Every line of this file ends in CR LF.\nEven this one.</p>",
        ],
      },
    },
  },
  {
    hazard: "bytes that are not UTF-8",
    articles: "not-utf8",
    outcome: { refused: [error("not-utf8.md", 1, 1, "not-utf8", "the file is not UTF-8 text")] },
  },
  {
    hazard: "a five-megabyte article (published whole)",
    articles: async (articlesDir) => writeLargeArticle(articlesDir),
    outcome: { published: { "/articles/large-article/": [`<p>${LAST_PARAGRAPH}</p>`] } },
  },
  {
    hazard: "a 2,000-character title",
    articles: "long-title",
    outcome: {
      refused: [
        error("long-title.md", 2, 8, "invalid-field", "title is longer than 300 characters"),
      ],
    },
  },
  {
    hazard: "a YAML alias bomb",
    articles: "yaml-alias-bomb",
    outcome: {
      refused: [
        error(
          "yaml-alias-bomb.md",
          1,
          1,
          "yaml-alias-limit",
          "the YAML repeats aliases (`*name`) too many times",
        ),
      ],
    },
  },
  {
    hazard: "an empty tag",
    articles: "empty-tag",
    outcome: { refused: [error("empty-tag.md", 4, 18, "invalid-field", "a company is empty")] },
  },
  {
    hazard: "a whitespace-only tag",
    articles: "whitespace-tag",
    outcome: {
      refused: [
        error(
          "whitespace-tag.md",
          4,
          18,
          "empty-term",
          'the company "   " has no letter or digit, so it cannot have a page',
        ),
      ],
    },
  },
  {
    hazard: "a punctuation-only tag",
    articles: "punctuation-tag",
    outcome: {
      refused: [
        error(
          "punctuation-tag.md",
          4,
          18,
          "empty-term",
          'the company "!?!" has no letter or digit, so it cannot have a page',
        ),
      ],
    },
  },
  {
    hazard: "tags with HTML, quotes, emoji and right-to-left text",
    articles: "tags-with-markup",
    outcome: {
      published: {
        "/articles/tags-with-markup/": [
          'href="/companies/b-bold-b-motors/"',
          ">&lt;b&gt;Bold&lt;/b&gt; Motors</a>",
          'href="/companies/quoted-and-single-cars/"',
          ">&quot;Quoted&quot; &amp; &#39;Single&#39; Cars</a>",
          'href="/companies/emoji-auto/"',
          ">🚗 Emoji Auto</a>",
          'href="/companies/u-5de-5db-5d5-5e0-5d9-5ea/"',
          ">מכונית</a>",
        ],
        "/companies/b-bold-b-motors/": ["<h1>&lt;b&gt;Bold&lt;/b&gt; Motors</h1>"],
        "/companies/quoted-and-single-cars/": [
          "<h1>&quot;Quoted&quot; &amp; &#39;Single&#39; Cars</h1>",
        ],
        "/companies/u-5de-5db-5d5-5e0-5d9-5ea/": ["<h1>מכונית</h1>"],
      },
      never: ["<b>Bold</b>"],
    },
  },
  {
    hazard: "two articles with the same slug",
    articles: "duplicate-slugs",
    outcome: {
      refused: [
        error(
          "first.md",
          1,
          1,
          "duplicate-url",
          "this article and articles/second.md would both be published at /articles/chery-plant/",
        ),
        error(
          "second.md",
          1,
          1,
          "duplicate-url",
          "this article and articles/first.md would both be published at /articles/chery-plant/",
        ),
      ],
    },
  },
  {
    hazard: "a slug with a slash",
    articles: "slug-with-slash",
    outcome: { refused: [error("slug-with-slash.md", 5, 7, "invalid-field", SLUG_RULE)] },
  },
  {
    hazard: "a slug of `..`",
    articles: "slug-with-dot-dot",
    outcome: { refused: [error("slug-with-dot-dot.md", 5, 7, "invalid-field", SLUG_RULE)] },
  },
  {
    hazard: "a slug of `%2e%2e`",
    articles: "slug-with-percent-dot",
    outcome: { refused: [error("slug-with-percent-dot.md", 5, 7, "invalid-field", SLUG_RULE)] },
  },
  {
    hazard: "a slug that is an absolute path",
    articles: "slug-absolute-path",
    outcome: { refused: [error("slug-absolute-path.md", 5, 7, "invalid-field", SLUG_RULE)] },
  },
  {
    hazard: "a symbolic link to a file outside the content folder",
    articles: async (articlesDir) => writeLinkOutside(articlesDir),
    outcome: {
      refused: [
        error(
          "link-outside.md",
          1,
          1,
          "outside-content",
          "this file is a link to something outside the content folder",
        ),
      ],
    },
  },
  {
    hazard: "a title, summary and source holding script tags and quotes",
    articles: "script-in-fields",
    outcome: {
      published: {
        "/articles/script-in-fields/": [
          "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; &#39;single&#39; | Auto Industry Digest</title>",
          "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; &#39;single&#39;</h1>",
          '<p class="article__summary">&lt;script&gt;alert(2)&lt;/script&gt; &quot;double&quot; &#39;single&#39;</p>',
          '<a href="https://tass.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">&lt;/script&gt;&quot;TASS&#39;</a>',
        ],
      },
      never: ["<script>alert", "</script><script>"],
    },
  },
  {
    hazard: "Markdown with raw script, iframe, event handlers, javascript: and data: URLs",
    articles: "dangerous-markdown",
    outcome: {
      published: {
        "/articles/dangerous-markdown/": [
          '<p>Text with <a>a script link</a>, <a>a data link</a> and <a href="https://example.org/report" rel="noopener noreferrer">an outside link</a>.</p>',
        ],
      },
      never: ["<script>alert", "<iframe", "onclick", "javascript:", "data:text/html"],
      warnings: [
        error("dangerous-markdown.md", 7, 1, "raw-html", "raw HTML is not published"),
        error("dangerous-markdown.md", 9, 1, "raw-html", "raw HTML is not published"),
        error(
          "dangerous-markdown.md",
          11,
          11,
          "unsafe-link",
          'a link to a "javascript:" address is not published',
        ),
        error(
          "dangerous-markdown.md",
          11,
          49,
          "unsafe-link",
          'a link to a "data:" address is not published',
        ),
        error("dangerous-markdown.md", 13, 1, "raw-html", "raw HTML is not published"),
      ],
    },
  },
  {
    hazard: "template syntax in fields and text",
    articles: "template-syntax",
    outcome: {
      published: {
        "/articles/template-syntax/": [
          "<h1>Chery {{ 7 * 7 }} {% raw %}</h1>",
          '<p class="article__summary">{# a comment #} stays</p>',
          "<p>Prices: {{ 7 * 7 }} and {% if true %}yes{% endif %} and {# hidden? #}.</p>",
        ],
      },
    },
  },
];

/** A content folder of the shared `site.yaml` and the given cases' articles, and each case's files. */
async function contentFolderOf(
  cases: readonly Case[],
): Promise<{ contentDir: string; filesOf: Map<Case, string[]> }> {
  const contentDir = path.join(await temporaryFolder("bad-input"), "content");
  const articlesDir = path.join(contentDir, "articles");
  await mkdir(articlesDir, { recursive: true });
  await cp(path.join(FIXTURES, "site.yaml"), path.join(contentDir, "site.yaml"));
  const filesOf = new Map<Case, string[]>();
  for (const entry of cases) {
    const before = new Set(await readdir(articlesDir));
    if (typeof entry.articles === "string") {
      await cp(path.join(FIXTURES, entry.articles), articlesDir, { recursive: true });
    } else {
      await entry.articles(articlesDir);
    }
    filesOf.set(
      entry,
      (await readdir(articlesDir)).filter((name) => !before.has(name)),
    );
  }
  return { contentDir, filesOf };
}

/** A problem as the table states it, from a diagnostic found in a content folder. */
function asExpected(diagnostic: Diagnostic): Expected {
  const { line, column, ruleId, message } = diagnostic;
  return { file: diagnostic.file.replace(/^.*\/articles\//, ""), line, column, ruleId, message };
}

/** The messages name other files by their path; the table names them below the content folder. */
function withShortPaths(expected: Expected, contentDir: string): Expected {
  return { ...expected, message: expected.message.replaceAll(`${contentDir}/`, "") };
}

function isPublished(outcome: Outcome): outcome is Extract<Outcome, { published: unknown }> {
  return "published" in outcome;
}

// Every case whose content is accepted is built once, together: one Eleventy run.
const accepted = CASES.filter((entry) => !("refused" in entry.outcome));
let site: BuiltSite;
let acceptedFilesOf: Map<Case, string[]>;

beforeAll(async () => {
  const { contentDir, filesOf } = await contentFolderOf(accepted);
  acceptedFilesOf = filesOf;
  site = await buildFixtureSite(contentDir);
});

afterAll(async () => {
  await site?.remove();
});

describe("bad input", () => {
  it.each(CASES)("gives a clear answer to $hazard", async (entry) => {
    const { outcome } = entry;
    if ("refused" in outcome) {
      const { contentDir } = await contentFolderOf([entry]);
      const result = await loadNews({ contentDir, includeDrafts: false });
      const report = formatReport(result.diagnostics).replaceAll(`${contentDir}/`, "");
      expect(result.news).toBeUndefined();
      expect(
        result.diagnostics
          .filter((diagnostic) => diagnostic.severity === "error")
          .map((diagnostic) => withShortPaths(asExpected(diagnostic), contentDir)),
      ).toEqual(outcome.refused);
      expect(report).not.toMatch(/^\s+at /m);
      for (const expected of outcome.refused) {
        expect(report).toContain(
          `articles/${expected.file}:${expected.line}:${expected.column}  error  ${expected.message}`,
        );
      }
    } else {
      const files = acceptedFilesOf.get(entry) ?? [];
      const warnings = sortDiagnostics(site.result.diagnostics)
        .map(asExpected)
        .filter((warning) => files.includes(warning.file));
      expect(warnings).toEqual(outcome.warnings ?? []);
      if (isPublished(outcome)) {
        for (const [url, fragments] of Object.entries(outcome.published)) {
          const html = site.readPage(url);
          for (const fragment of fragments) expect(html).toContain(fragment);
          for (const fragment of outcome.never ?? []) expect(html).not.toContain(fragment);
        }
      } else {
        expect(site.fileFor(outcome.withheld)).toBeUndefined();
      }
    }
    entry.afterwards?.();
  });
});

describe("the bad-input fixtures", () => {
  it("keep the bytes their hazards need", async () => {
    const read = (name: string) => readFile(path.join(FIXTURES, name, `${name}.md`));
    expect([...(await read("byte-order-mark")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await read("crlf-line-endings")).toString("latin1")).toMatch(/^---\r\ntitle:/);
    expect((await read("not-utf8")).includes(0xe9)).toBe(true);
    expect((await read("empty-file")).length).toBe(0);
  });
});
