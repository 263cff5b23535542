import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import {
  articlePagePath,
  formatServeTable,
  pageShows,
  parseServerLine,
  probeSentence,
  withHeadlineProbe,
  withProbe,
} from "../../bench/serve-latency.ts";
import { renderMarkdown } from "../../src/markdown/render-markdown.ts";

const ARTICLE = `---
title: Lima delivered a new assembly line
date: 2022-04-17
company: Lima
---

Lima resumed a new assembly line.
`;

describe("the probe an edit adds", () => {
  it("differs per run and per edit", () => {
    expect(probeSentence("k3j9x2", 1)).not.toBe(probeSentence("k3j9x2", 2));
    expect(probeSentence("k3j9x2", 1)).not.toBe(probeSentence("k3j9x3", 1));
  });

  it("refuses a run tag that Markdown or HTML could change", () => {
    expect(() => probeSentence("a_b", 1)).toThrow(/letters and digits/);
    expect(() => probeSentence("a&b", 1)).toThrow(/letters and digits/);
  });

  it("ends the article as a paragraph of its own, replacing no text", () => {
    const sentence = probeSentence("abc", 2);
    const edited = withProbe(ARTICLE, sentence);
    expect(edited).toBe(`${ARTICLE}\n${sentence}\n`);
    expect(withProbe(`${ARTICLE}\n\n`, sentence)).toBe(edited);
  });

  it("shows verbatim in the rendered body, and is found in the page", () => {
    const sentence = probeSentence("abc", 3);
    const { html } = renderMarkdown(withProbe("Lima resumed a new assembly line.", sentence));
    expect(html).toContain(`<p>${sentence}</p>`);
    expect(pageShows(`<main>${html}</main>`, sentence)).toBe(true);
    expect(pageShows(`<main>${html}</main>`, probeSentence("abc", 4))).toBe(false);
  });
});

describe("the headline probe", () => {
  it("replaces the article's headline and nothing else", () => {
    const sentence = probeSentence("abc", 2);
    expect(withHeadlineProbe(ARTICLE, sentence)).toBe(
      ARTICLE.replace("title: Lima delivered a new assembly line", `title: ${sentence}`),
    );
  });

  it("is front-matter a parser reads as the headline, verbatim", () => {
    const sentence = probeSentence("abc", 2);
    expect(matter(withHeadlineProbe(ARTICLE, sentence)).data.title).toBe(sentence);
  });

  it("refuses an article without a title line rather than measure an edit never made", () => {
    expect(() => withHeadlineProbe("---\ndate: 2022-04-17\n---\n", "probe")).toThrow(/title/);
  });
});

describe("the edited article's page", () => {
  it("is named by the file name, or by the front matter's slug", () => {
    expect(articlePagePath("articles/2022/lima-delivered-7.md", ARTICLE)).toBe(
      "/articles/lima-delivered-7/",
    );
    const withSlug = ARTICLE.replace("company: Lima", "company: Lima\nslug: lima-line");
    expect(articlePagePath("articles/2022/lima-delivered-7.md", withSlug)).toBe(
      "/articles/lima-line/",
    );
  });
});

describe("the dev server's log lines", () => {
  it("tell a watched change, a page written ahead or by the rebuild, the end of a rebuild and the address", () => {
    expect(
      parseServerLine("[11ty] File changed: /tmp/c/content/articles/2022/peldanli-544.md"),
    ).toEqual({ kind: "changed", file: "/tmp/c/content/articles/2022/peldanli-544.md" });
    expect(
      parseServerLine(
        "[11ty] Writing ./out/_site/articles/lima-299/index.html from ./templates/pages/article.njk",
      ),
    ).toEqual({ kind: "writing", output: "./out/_site/articles/lima-299/index.html" });
    expect(
      parseServerLine("[11ty] Copied 5 Wrote 2380 files in 11.07 seconds (4.7ms each, v3.1.8)"),
    ).toEqual({ kind: "wrote", files: 2380, seconds: 11.07 });
    expect(parseServerLine("[11ty] Wrote 1 file (skipped 3) in 0.40 seconds (v3.1.8)")).toEqual({
      kind: "wrote",
      files: 1,
      seconds: 0.4,
    });
    expect(parseServerLine("[11ty] Server at http://localhost:18931/")).toEqual({
      kind: "server",
      url: "http://localhost:18931",
    });
    expect(
      parseServerLine("[preview] Wrote /articles/lima-299/ ahead of the rebuild in 0.21 seconds"),
    ).toEqual({ kind: "ahead", url: "/articles/lima-299/" });
    expect(parseServerLine("[11ty] Watching…")).toEqual({ kind: "other" });
  });

  it("are read through colour codes", () => {
    expect(
      parseServerLine(
        "[11ty] Wrote \u001b[1m12\u001b[22m files in \u001b[1m2.50\u001b[22m seconds",
      ),
    ).toEqual({
      kind: "wrote",
      files: 12,
      seconds: 2.5,
    });
  });
});

describe("the report", () => {
  it("gives median (min–max) per column, counts timeouts and leaves missing figures out", () => {
    const table = formatServeTable([
      {
        articles: 1000,
        ready: 19.2,
        peakRssBytes: 900 * 1024 ** 2,
        timeoutSeconds: 300,
        edits: [
          {
            shown: 11.2,
            noticed: 0.2,
            pageAhead: 0.6,
            pageWritten: 9,
            rebuilt: 11.5,
            eleventySeconds: 11.1,
            files: 2380,
          },
          {
            shown: 10.1,
            noticed: 0.3,
            pageWritten: 8,
            rebuilt: 10.4,
            eleventySeconds: 10,
            files: 2380,
          },
          {
            shown: 12.5,
            noticed: 0.2,
            pageWritten: 10,
            rebuilt: 12.9,
            eleventySeconds: 12.6,
            files: 2380,
          },
        ],
      },
      {
        articles: 10000,
        ready: 300,
        peakRssBytes: 0,
        timeoutSeconds: 300,
        edits: [{ noticed: 0.2 }],
      },
    ]);
    const rows = table.split("\n");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe(
      "| 1,000 | 3 | 11.2 s (10.1 s–12.5 s) | 0 | 0.20 s (0.20 s–0.30 s) | 0.60 s | 9.00 s (8.00 s–10.0 s) | 11.5 s (10.4 s–12.9 s) | 11.1 s (10.0 s–12.6 s) | 2380 | 19.2 s | 900 MiB |",
    );
    expect(rows[3]).toBe(
      "| 10,000 | 1 | – | 1 (> 300 s) | 0.20 s | – | – | – | – | – | 300.0 s | 0 MiB |",
    );
  });
});
