import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/parse-front-matter.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { parseYamlDocument } from "../../src/yaml/parse-yaml.ts";
import { articleText } from "../support/content-folder.ts";

const ARTICLE = "content/articles/chery-localization-russia.md";

/** Title, date and company as every article has them, on file lines 2 to 4. */
const REQUIRED = [
  "title: Chery makes localizing a priority",
  "date: 2022-06-01",
  "company: Chery",
] as const;
const [TITLE, , COMPANY] = REQUIRED;

function cut(
  file: string,
  line: number,
  column: number,
  dropped: string,
  kept: string,
  quoted: string,
): Diagnostic {
  return {
    file,
    line,
    column,
    severity: "error",
    ruleId: "comment-cuts-text",
    message: `YAML reads "${dropped}" as a comment and leaves it out, so the value is cut to "${kept}"`,
    fix: `put the value in quotes: \`${quoted}\`; if "${dropped}" is a note, put it on a line of its own`,
  };
}

/** Where the note starts on its file line, read off the text, not from the parser. */
function columnOfNote(text: string, line: number, note: string): number {
  const column = (text.split("\n")[line - 1] ?? "").indexOf(` ${note}`) + 2;
  if (column < 2) throw new Error(`line ${line} has no " ${note}"`);
  return column;
}

function articleProblems(frontMatter: readonly string[]): Diagnostic[] {
  const result = parseFrontMatter(articleText(frontMatter), ARTICLE);
  return result.ok ? [] : result.diagnostics;
}

function yamlProblems(text: string, file: string): Diagnostic[] {
  const result = parseYamlDocument(text, file);
  return result.ok ? [] : result.diagnostics;
}

describe("text cut short by a ` #` comment in an article", () => {
  // Each row's line and column are those of the `#` in the file, counting the opening fence as line 1.
  it.each([
    {
      field: "title",
      lines: ["title: Chery #1 in Russia", "date: 2022-06-01", "company: Chery"],
      expected: [2, "#1 in Russia", "Chery", 'title: "Chery #1 in Russia"'],
    },
    {
      field: "title that starts like a number",
      lines: ["title: 1,000,000 # Chery cars sold in Russia", "date: 2022-06-01", "company: Chery"],
      expected: [
        2,
        "# Chery cars sold in Russia",
        "1,000,000",
        'title: "1,000,000 # Chery cars sold in Russia"',
      ],
    },
    {
      field: "summary",
      lines: [...REQUIRED, "summary: Chery sells the Tiggo 4 Pro # the best-selling crossover"],
      expected: [
        5,
        "# the best-selling crossover",
        "Chery sells the Tiggo 4 Pro",
        'summary: "Chery sells the Tiggo 4 Pro # the best-selling crossover"',
      ],
    },
    {
      field: "summary written over two lines",
      lines: [...REQUIRED, "summary: Chery is in talks with UAZ", "  about Ulyanovsk # per TASS"],
      expected: [
        6,
        "# per TASS",
        "Chery is in talks with UAZ about Ulyanovsk",
        'summary: "Chery is in talks with UAZ about Ulyanovsk # per TASS"',
      ],
    },
    {
      field: "company",
      lines: [
        "title: Chery makes localizing a priority",
        "date: 2022-06-01",
        "company: Chery # Wuhu",
      ],
      expected: [4, "# Wuhu", "Chery", 'company: "Chery # Wuhu"'],
    },
    {
      field: "company in a list",
      lines: [...REQUIRED.slice(0, 2), "company:", "  - Chery", "  - Geely # Hangzhou"],
      expected: [6, "# Hangzhou", "Geely", '- "Geely # Hangzhou"'],
    },
    {
      field: "model in a list",
      lines: [...REQUIRED, "models:", "  - Tiggo 4 Pro # new"],
      expected: [6, "# new", "Tiggo 4 Pro", '- "Tiggo 4 Pro # new"'],
    },
    {
      field: "model's name",
      lines: [...REQUIRED, "models:", "  - name: Atlas Pro # 2022", "    company: Chery"],
      expected: [6, "# 2022", "Atlas Pro", 'name: "Atlas Pro # 2022"'],
    },
    {
      field: "partner's name",
      lines: [...REQUIRED, "partners:", "  - name: UAZ # Ulyanovsk", "    status: in-talks"],
      expected: [6, "# Ulyanovsk", "UAZ", 'name: "UAZ # Ulyanovsk"'],
    },
    {
      field: "partner's status",
      lines: [...REQUIRED, "partners:", "  - name: UAZ", "    status: in-talks # per TASS"],
      expected: [7, "# per TASS", "in-talks", 'status: "in-talks # per TASS"'],
    },
    {
      field: "source name",
      lines: [...REQUIRED, "source:", "  name: TASS #1 agency"],
      expected: [6, "#1 agency", "TASS", 'name: "TASS #1 agency"'],
    },
    {
      field: "source url",
      lines: [...REQUIRED, "source:", "  name: TASS", "  url: https://tass.com/economy/ # paywall"],
      expected: [
        7,
        "# paywall",
        "https://tass.com/economy/",
        'url: "https://tass.com/economy/ # paywall"',
      ],
    },
    {
      field: "slug",
      lines: [...REQUIRED, "slug: chery-localization # old address"],
      expected: [
        5,
        "# old address",
        "chery-localization",
        'slug: "chery-localization # old address"',
      ],
    },
    {
      field: "image",
      lines: [...REQUIRED, "image: tiggo-4-pro.jpg # from Chery", "image_alt: Tiggo 4 Pro"],
      expected: [5, "# from Chery", "tiggo-4-pro.jpg", 'image: "tiggo-4-pro.jpg # from Chery"'],
    },
    {
      field: "image_alt",
      lines: [...REQUIRED, "image: tiggo-4-pro.jpg", "image_alt: Tiggo 4 Pro #2 on a test track"],
      expected: [
        6,
        "#2 on a test track",
        "Tiggo 4 Pro",
        'image_alt: "Tiggo 4 Pro #2 on a test track"',
      ],
    },
    {
      field: "image_caption",
      lines: [...REQUIRED, "image_caption: The Tiggo 4 Pro at the plant #3 in Wuhu"],
      expected: [
        5,
        "#3 in Wuhu",
        "The Tiggo 4 Pro at the plant",
        'image_caption: "The Tiggo 4 Pro at the plant #3 in Wuhu"',
      ],
    },
    {
      field: "image_credit",
      lines: [...REQUIRED, "image_credit: Chery press office # 2022"],
      expected: [5, "# 2022", "Chery press office", 'image_credit: "Chery press office # 2022"'],
    },
    {
      field: "correction text",
      lines: [
        ...REQUIRED,
        "corrections:",
        "  - date: 2022-06-03",
        "    text: The plant is assembly line #2 in Tula",
      ],
      expected: [
        7,
        "#2 in Tula",
        "The plant is assembly line",
        'text: "The plant is assembly line #2 in Tula"',
      ],
    },
  ] as const)(
    "reports a cut $field at the `#`, with the value quoted as the fix",
    ({ lines, expected }) => {
      const [line, dropped, kept, quoted] = expected;
      const column = columnOfNote(articleText(lines), line, dropped);
      expect(articleProblems(lines)).toEqual([cut(ARTICLE, line, column, dropped, kept, quoted)]);
    },
  );

  it("reports the cut inside `[…]` at the `#`, before the broken list it leads to", () => {
    const problems = articleProblems([...REQUIRED, "models: [Tiggo 4 Pro #2, Arrizo 8]"]);

    expect(problems[0]).toEqual(cut(ARTICLE, 5, 22, "#2", "Tiggo 4 Pro", '"Tiggo 4 Pro #2"'));
    expect(problems.slice(1).map((problem) => problem.ruleId)).toEqual(["yaml-syntax"]);
  });

  it("reports a cut inside `{…}` with the key and only the item's text in the fix", () => {
    expect(
      articleProblems([
        ...REQUIRED,
        "partners:",
        "  - { name: UAZ #1 partner",
        "    , status: in-talks }",
      ]),
    ).toEqual([cut(ARTICLE, 6, 17, "#1 partner", "UAZ", 'name: "UAZ #1 partner"')]);
  });

  it("reports every cut of an article, not only the first", () => {
    const problems = articleProblems([
      "title: Chery #1 in Russia",
      "date: 2022-06-01",
      "company: Chery",
      "summary: Tiggo 4 Pro sales # up 40 %",
    ]);

    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, 14],
      [5, 28],
    ]);
  });

  it("counts lines from the file's start after a byte-order mark and CRLF line endings", () => {
    const text =
      "\uFEFF---\r\ntitle: Chery #1 in Russia\r\ndate: 2022-06-01\r\n---\r\n\r\nText\r\n";
    const result = parseFrontMatter(text, ARTICLE);

    expect(result.ok ? [] : result.diagnostics).toEqual([
      cut(ARTICLE, 2, 14, "#1 in Russia", "Chery", 'title: "Chery #1 in Russia"'),
    ]);
  });
});

describe("text cut short by a ` #` comment in the registry and the site settings", () => {
  it.each([
    {
      what: "a company's name",
      file: "content/registry/companies.yaml",
      text: "companies:\n  - name: Chery # Wuhu\n    aliases: [Чери]\n",
      expected: [2, "# Wuhu", "Chery", 'name: "Chery # Wuhu"'],
    },
    {
      what: "an alias in a list",
      file: "content/registry/companies.yaml",
      text: "companies:\n  - name: Chery\n    aliases:\n      - Чери\n      - Chery Automobile # old\n",
      expected: [5, "# old", "Chery Automobile", '- "Chery Automobile # old"'],
    },
    {
      what: "a description",
      file: "content/registry/partners.yaml",
      text: "partners:\n  - name: UAZ\n    description: Russia's #1 maker of off-road vehicles\n",
      expected: [
        3,
        "#1 maker of off-road vehicles",
        "Russia's",
        `description: "Russia's #1 maker of off-road vehicles"`,
      ],
    },
    {
      what: "a model's company",
      file: "content/registry/models.yaml",
      text: "models:\n  - name: Tiggo 4 Pro\n    company: Chery # Wuhu\n",
      expected: [3, "# Wuhu", "Chery", 'company: "Chery # Wuhu"'],
    },
    {
      what: "the site's title",
      file: "content/site.yaml",
      text: "title: Auto Industry Digest #1\nlanguage: en\n",
      expected: [1, "#1", "Auto Industry Digest", 'title: "Auto Industry Digest #1"'],
    },
    {
      what: "the site's description",
      file: "content/site.yaml",
      text: "title: Auto Industry Digest\ndescription: News about carmakers # and partners\n",
      expected: [
        2,
        "# and partners",
        "News about carmakers",
        'description: "News about carmakers # and partners"',
      ],
    },
  ] as const)("reports a cut in $what at the `#`", ({ file, text, expected }) => {
    const [line, dropped, kept, quoted] = expected;
    const column = columnOfNote(text, line, dropped);
    expect(yamlProblems(text, file)).toEqual([cut(file, line, column, dropped, kept, quoted)]);
  });

  it("reports an alias cut inside `[…]` at the `#`", () => {
    const file = "content/registry/companies.yaml";
    const text = "companies:\n  - name: Chery\n    aliases: [Чери #1,\n      Chery Automobile]\n";

    expect(yamlProblems(text, file)[0]).toEqual(cut(file, 3, 20, "#1", "Чери", '"Чери #1"'));
  });
});

describe("comments that cut no text", () => {
  it.each([
    ["a comment on its own line", ["# Chery's manager declined to name a partner.", ...REQUIRED]],
    [
      "a comment after a quoted title",
      ['title: "Chery #1 in Russia" # from TASS', ...REQUIRED.slice(1)],
    ],
    ["a single-quoted title", ["title: 'Chery #1 in Russia'", ...REQUIRED.slice(1)]],
    ["a `#` glued to a word", ["title: Chery#1 in Russia", ...REQUIRED.slice(1)]],
    [
      "a note after a moment without its offset",
      [...REQUIRED, "updated: 2022-06-03 10:00 # Moscow"],
    ],
    ["a note after a day", [TITLE, "date: 2022-06-01 # a Wednesday", COMPANY]],
    ["a note after a moment", [TITLE, "date: 2022-06-01T23:30:00+03:00 # Moscow", COMPANY]],
    ["a note after an update day", [...REQUIRED, "updated: 2022-06-03 # plant named"]],
    ["a note after `true`", [...REQUIRED, "draft: true # until the lawyers have read it"]],
    ["a note after `false`", [...REQUIRED, "autolink: false # too many names"]],
    ["a note after `null`", [...REQUIRED, "summary: null # written later"]],
    ["a note after `~`", [...REQUIRED, "image_credit: ~ # unknown"]],
    ["a note after an empty value", [...REQUIRED, "partners: # named in the text", "  - UAZ"]],
    ["a note after a list's key", [...REQUIRED, "models: # the new one", "  - Tiggo 4 Pro"]],
    ["a note after a quoted list item", [...REQUIRED, "models:", '  - "Tiggo 4 Pro" # new']],
    ["a note after `[…]`", [...REQUIRED, "models: [Tiggo 4 Pro, Arrizo 8] # both in Russia"]],
    ["a note after `{…}`", [...REQUIRED, "source: { name: TASS } # state agency"]],
    [
      "a note after a correction's day",
      [...REQUIRED, "corrections:", "  - date: 2022-06-03 # Friday", "    text: Tula."],
    ],
    [
      "a note on a folded summary's first line",
      [...REQUIRED, "summary: >- # two lines", "  Chery is #1 # in Wuhu"],
    ],
    [
      "` #` inside a literal summary",
      [...REQUIRED, "summary: |", "  Chery is #1 in Russia # per TASS"],
    ],
  ])("accepts %s", (_, lines) => {
    expect(articleProblems(lines)).toEqual([]);
  });

  it.each([
    ["a number", "content/site.yaml", "title: Auto Industry Digest\npageSize: 10 # per page\n"],
    ["a number written with underscores", "content/site.yaml", "pageSize: 1_000 # a thousand\n"],
    ["a time zone in quotes", "content/site.yaml", 'timeZone: "Europe/Moscow" # UTC+3\n'],
    [
      "an own-line comment in the registry",
      "content/registry/companies.yaml",
      "companies:\n  # carmakers\n  - name: Chery\n",
    ],
    [
      "a quoted alias",
      "content/registry/companies.yaml",
      'companies:\n  - name: Chery\n    aliases: ["Чери #1"] # Russian\n',
    ],
  ])("accepts %s", (_, file, text) => {
    expect(parseYamlDocument(text, file).ok).toBe(true);
  });
});
