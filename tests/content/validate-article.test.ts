import { describe, expect, it } from "vitest";
import { validateArticle } from "../../src/content/validate-article.ts";
import { articleFile } from "../support/articles.ts";
import { articleText } from "../support/content-folder.ts";

const FILE = "content/articles/chery-localization-russia.md";
const ZONE = "Europe/Moscow";

/** Front-matter lines start on file line 2: `title` 2, `date` 3, `company` 4, extras from 5. */
function validate(extra: readonly string[], body?: string, head = CHERY_HEAD) {
  return validateArticle(
    articleFile("chery-localization-russia", articleText([...head, ...extra], body)),
    ZONE,
  );
}

const CHERY_HEAD = [
  "title: Chery makes localizing car assembly in Russia a top priority",
  "date: 2022-06-01",
  "company: Chery",
];

const HELP = {
  title:
    'write the headline as text, in quotes if it contains `#` or `: `: `title: "Chery #1 in Russia"`',
  date: "write the day as `date: 2022-06-01`, or a moment with its offset: `date: 2022-06-01T23:30:00+03:00`",
  company: "name the company: `company: Chery`, or several as a list: `company: [Chery, Geely]`",
  models:
    "name the models as a list: `models: [Tiggo 4 Pro]`; with several companies say whose: `- { name: Atlas, company: Geely }`",
  partners:
    "list the partners: `partners: [UAZ]` or `- { name: UAZ, status: in-talks }`; status is one of mentioned, in-talks, confirmed, denied",
  source: "write the source as `source: { name: TASS, url: https://tass.com/… }` (url is optional)",
  draft: "write `draft: true` or `draft: false`",
};

function error(line: number, column: number, ruleId: string, message: string, fix?: string) {
  return {
    file: FILE,
    line,
    column,
    severity: "error",
    ruleId,
    message,
    ...(fix ? { fix } : {}),
  };
}

describe("a valid article", () => {
  it("takes its slug and URL from the file name", () => {
    const { article } = validate([]);
    expect([article?.slug, article?.url]).toEqual([
      "chery-localization-russia",
      "/articles/chery-localization-russia/",
    ]);
  });

  it("takes its URL from `slug` when one is given", () => {
    expect(validate(["slug: chery-russia-assembly"]).article?.url).toBe(
      "/articles/chery-russia-assembly/",
    );
  });

  it("has no diagnostics", () => {
    expect(validate([]).diagnostics).toEqual([]);
  });

  it("is not a draft unless it says so", () => {
    expect([validate([]).article?.draft, validate(["draft: true"]).article?.draft]).toEqual([
      false,
      true,
    ]);
  });

  it("keeps the editor's summary", () => {
    const { article } = validate(["summary: Chery wants its cars assembled in Russia."]);
    expect(article?.summary).toBe("Chery wants its cars assembled in Russia.");
  });

  it("keeps the source with its web address", () => {
    const { article } = validate(["source: { name: TASS, url: https://tass.com/economy/1462151 }"]);
    expect(article?.source).toEqual({ name: "TASS", url: "https://tass.com/economy/1462151" });
  });

  it("counts the body from the line after the closing fence", () => {
    expect(validate(["draft: false"]).article?.bodyStartLine).toBe(7);
  });
});

describe("lists that may be one name", () => {
  it("reads `company: Chery` as a list of one company", () => {
    expect(validate([]).article?.companies.map((company) => company.name)).toEqual(["Chery"]);
  });

  it("reads `models: Tiggo 4 Pro` as a list of one model of the article's company", () => {
    const { article } = validate(["models: Tiggo 4 Pro"]);
    expect(article?.models.map((model) => [model.name, model.slug, model.company.slug])).toEqual([
      ["Tiggo 4 Pro", "tiggo-4-pro", "chery"],
    ]);
  });

  it("records where each name is written", () => {
    const { article } = validate(["models: [Tiggo 4 Pro, Tiggo 7 Pro]"]);
    expect(article?.models.map((model) => model.place)).toEqual([
      { line: 5, column: 10 },
      { line: 5, column: 23 },
    ]);
  });
});

describe("partners", () => {
  it("gives a partner named without a status the status `mentioned`", () => {
    const { article } = validate(["partners: [UAZ]"]);
    expect(article?.partners.map((partner) => [partner.name, partner.status])).toEqual([
      ["UAZ", "mentioned"],
    ]);
  });

  it("gives a `{ name }` partner the status `mentioned`", () => {
    const { article } = validate(["partners: [{ name: UAZ }]"]);
    expect(article?.partners.map((partner) => partner.status)).toEqual(["mentioned"]);
  });

  it("keeps the status written for a `{ name, status }` partner", () => {
    const { article } = validate(["partners:", "  - { name: КАМАЗ, status: in-talks }"]);
    expect(
      article?.partners.map((partner) => [partner.name, partner.slug, partner.status]),
    ).toEqual([["КАМАЗ", "kamaz", "in-talks"]]);
  });

  it("refuses a status that is not one of the four", () => {
    expect(validate(["partners: [{ name: UAZ, status: rumoured }]"]).diagnostics).toEqual([
      error(5, 11, "invalid-field", "partners must be a name or a list of names", HELP.partners),
    ]);
  });
});

describe("unknown and reserved keys", () => {
  it("suggests `company` for `compnay`, at the key, and reports the company as missing", () => {
    const { diagnostics, article } = validate([], undefined, [
      CHERY_HEAD[0] ?? "",
      CHERY_HEAD[1] ?? "",
      "compnay: Chery",
    ]);
    expect([article, diagnostics]).toEqual([
      undefined,
      [
        error(2, 1, "missing-field", "company is missing", HELP.company),
        error(
          4,
          1,
          "unknown-key",
          'unknown field "compnay" — did you mean "company"?',
          'rename it to "company"',
        ),
      ],
    ]);
  });

  it("lists the allowed fields when an unknown key resembles none", () => {
    expect(validate(["  # note", "photographer: Ivan Petrov"]).diagnostics).toEqual([
      error(
        6,
        1,
        "unknown-key",
        'unknown field "photographer"',
        "remove it; an article may set: title, date, updated, company, models, partners, summary, source, slug, draft, corrections, autolink, image, image_alt, image_caption, image_credit",
      ),
    ]);
  });

  it.each(["permalink: /chery/", "layout: base.njk", "tags: [chery]"])(
    "refuses Eleventy's own key in `%s`",
    (line) => {
      const key = line.slice(0, line.indexOf(":"));
      expect(validate([line]).diagnostics).toEqual([
        error(
          5,
          1,
          "reserved-key",
          `"${key}" is decided by the site, not by an article`,
          "remove this line; URLs and layouts come from the slug and the templates",
        ),
      ]);
    },
  );
});

describe("wrong types", () => {
  it("refuses a title that is not text, at the value", () => {
    expect(
      validate([], undefined, ["title: 2022", "date: 2022-06-01", "company: Chery"]).diagnostics,
    ).toEqual([error(2, 8, "invalid-field", "title must be text", HELP.title)]);
  });

  it("refuses a date that is not text", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: [2022-06-01]", "company: Chery"]).diagnostics,
    ).toEqual([error(3, 7, "invalid-field", "date must be a date like 2022-06-01", HELP.date)]);
  });

  it("refuses a company that is a number", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: 2022-06-01", "company: 7"]).diagnostics,
    ).toEqual([
      error(4, 10, "invalid-field", "company must be a name or a list of names", HELP.company),
    ]);
  });

  it("refuses an empty company list", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: 2022-06-01", "company: []"]).diagnostics,
    ).toEqual([error(4, 10, "invalid-field", "company is an empty list", HELP.company)]);
  });

  it("refuses models that are a number", () => {
    expect(validate(["models: 4"]).diagnostics).toEqual([
      error(5, 9, "invalid-field", "models must be a name or a list of names", HELP.models),
    ]);
  });

  it("refuses partners that are true or false", () => {
    expect(validate(["partners: true"]).diagnostics).toEqual([
      error(5, 11, "invalid-field", "partners must be a name or a list of names", HELP.partners),
    ]);
  });

  it("refuses a summary that is a list", () => {
    expect(validate(["summary: [Chery, Russia]"]).diagnostics).toEqual([
      error(
        5,
        10,
        "invalid-field",
        "summary must be text",
        "write the summary as one line of text, in quotes if it contains `#` or `: `",
      ),
    ]);
  });

  it("refuses a source that is only a name", () => {
    expect(validate(["source: TASS"]).diagnostics).toEqual([
      error(5, 9, "invalid-field", "source must be `{ name, url }`", HELP.source),
    ]);
  });

  it("refuses a slug with capitals and spaces", () => {
    expect(validate(["slug: Chery Russia"]).diagnostics).toEqual([
      error(
        5,
        7,
        "invalid-field",
        "slug may hold only lower-case letters, digits and hyphens",
        "use lower-case letters, digits and hyphens only: `slug: chery-localization-russia`",
      ),
    ]);
  });

  it("refuses `draft: yes`, which YAML's core schema keeps as text", () => {
    expect(validate(["draft: yes"]).diagnostics).toEqual([
      error(5, 8, "invalid-field", "draft must be true or false", HELP.draft),
    ]);
  });

  it("reports a missing title at the first field", () => {
    expect(validate([], undefined, ["date: 2022-06-01", "company: Chery"]).diagnostics).toEqual([
      error(2, 1, "missing-field", "title is missing", HELP.title),
    ]);
  });
});

describe("source addresses", () => {
  it.each(["javascript:alert(1)", "ftp://tass.com/economy/1462151", "data:text/html,hi"])(
    "refuses the source url %s",
    (url) => {
      expect(validate([`source: { name: TASS, url: "${url}" }`]).diagnostics).toEqual([
        error(
          5,
          28,
          "invalid-field",
          "source url must be a web address starting with https:// or http://",
          HELP.source,
        ),
      ]);
    },
  );

  it("accepts a plain http source url", () => {
    expect(
      validate(["source: { name: TASS, url: http://tass.ru/ekonomika/1462151 }"]).diagnostics,
    ).toEqual([]);
  });
});

describe("dates", () => {
  it("refuses 30 February as not a real calendar date", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: 2022-02-30", "company: Chery"]).diagnostics,
    ).toEqual([
      error(3, 7, "invalid-field", 'date "2022-02-30" is not a real calendar date', HELP.date),
    ]);
  });

  it("refuses a date written in words", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: 1 June 2022", "company: Chery"]).diagnostics,
    ).toEqual([
      error(
        3,
        7,
        "invalid-field",
        'date "1 June 2022" is not a date like 2022-06-01 or 2022-06-01T23:30:00+03:00',
        HELP.date,
      ),
    ]);
  });
});

it("reports every error of a file together", () => {
  const { diagnostics } = validate(
    ["partners: [{ name: UAZ, status: rumoured }]", "compnay: Geely"],
    undefined,
    ["title: 2022", "date: 2022-02-30", "company: Chery"],
  );
  expect(diagnostics.map((d) => [d.line, d.ruleId])).toEqual([
    [2, "invalid-field"],
    [3, "invalid-field"],
    [5, "invalid-field"],
    [6, "unknown-key"],
  ]);
});

describe("names that cannot be terms", () => {
  it("refuses a company of punctuation and one of emoji as empty terms", () => {
    expect(
      validate([], undefined, ["title: Chery", "date: 2022-06-01", "company: ['!!!', 🚗🚗]"])
        .diagnostics,
    ).toEqual([
      error(
        4,
        11,
        "empty-term",
        'the company "!!!" has no letter or digit, so it cannot have a page',
        "write the company's name, or remove the entry",
      ),
      error(
        4,
        18,
        "empty-term",
        'the company "🚗🚗" has no letter or digit, so it cannot have a page',
        "write the company's name, or remove the entry",
      ),
    ]);
  });

  it("refuses a partner whose address would be the directory sorted by count", () => {
    expect(validate(["partners: [By Count]"]).diagnostics).toEqual([
      error(
        5,
        12,
        "reserved-term-name",
        'the partner "By Count" would have the address of a directory page',
        "write the partner's full name (e.g. with its country or legal form)",
      ),
    ]);
  });

  it("refuses a model without a company when the article names several companies", () => {
    expect(
      validate(["models: [Atlas]"], undefined, [
        "title: Two Atlases",
        "date: 2022-06-01",
        "company: [Geely, Volkswagen]",
      ]).diagnostics,
    ).toEqual([
      error(
        5,
        10,
        "model-company-ambiguous",
        'the article names several companies, so it is unclear whose model "Atlas" is',
        "write it as `- { name: Atlas, company: Geely }`",
      ),
    ]);
  });

  it("ties a `{ name, company }` model to the company it names", () => {
    const { article } = validate(
      ["models:", "  - { name: Atlas, company: Volkswagen }"],
      undefined,
      ["title: Two Atlases", "date: 2022-06-01", "company: [Geely, Volkswagen]"],
    );
    expect(article?.models.map((model) => `${model.company.slug}/${model.slug}`)).toEqual([
      "volkswagen/atlas",
    ]);
  });

  it("refuses a model whose company is not in the article's company list", () => {
    expect(validate(["models:", "  - { name: Atlas, company: Geely }"]).diagnostics).toEqual([
      error(
        6,
        29,
        "model-company-not-listed",
        "the model's company \"Geely\" is not in this article's company list",
        'add "Geely" to company, or correct the model\'s company',
      ),
    ]);
  });

  it("warns about a company listed twice and keeps it once", () => {
    const { article, diagnostics } = validate([], undefined, [
      "title: Chery",
      "date: 2022-06-01",
      "company: [Chery, CHERY]",
    ]);
    expect([article?.companies.map((c) => c.written), diagnostics]).toEqual([
      ["Chery"],
      [
        {
          ...error(
            4,
            18,
            "duplicate-term",
            'the company "CHERY" is listed twice',
            "remove the second entry",
          ),
          severity: "warning",
        },
      ],
    ]);
  });

  it.each([
    {
      list: "companies after a name without letters",
      lines: ["company: [Chery, '!!!', Chery]"],
      at: [4, 25],
    },
    {
      list: "partners after a name without letters",
      lines: ["company: Chery", "partners: [UAZ, '???', Uaz]"],
      at: [5, 24],
    },
    {
      list: "models after an entry of another company",
      lines: [
        "company: [Chery, Geely]",
        "models:",
        "  - { name: Atlas, company: Haval }",
        "  - { name: Tiggo 4 Pro, company: Chery }",
        "  - { name: Tiggo 4 Pro, company: Chery }",
      ],
      at: [8, 13],
    },
  ])("tells a name listed twice at the second entry, in $list", ({ lines, at }) => {
    const { diagnostics } = validate([], undefined, ["title: Chery", "date: 2022-06-01", ...lines]);
    const duplicate = diagnostics.find((diagnostic) => diagnostic.ruleId === "duplicate-term");
    expect([duplicate?.line, duplicate?.column]).toEqual(at);
  });

  it("gives the company 奇瑞 a safe slug", () => {
    const { article } = validate([], undefined, [
      "title: Chery",
      "date: 2022-06-01",
      "company: 奇瑞",
    ]);
    expect(article?.companies.map((company) => company.slug)).toEqual(["u-5947-745e"]);
  });
});

describe("the file name", () => {
  it("refuses a file name that gives no address when no slug is set", () => {
    const result = validateArticle(
      { file: "content/articles/!!!.md", baseName: "!!!", text: articleText(CHERY_HEAD) },
      ZONE,
    );
    expect(result.diagnostics).toEqual([
      {
        file: "content/articles/!!!.md",
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "unsafe-slug",
        message: 'the file name "!!!" gives no usable address',
        fix: "rename the file with Latin letters or digits, or set `slug: chery-localization-russia`",
      },
    ]);
  });

  it("slugifies a file name in Cyrillic", () => {
    const result = validateArticle(
      {
        file: "content/articles/Москвич возвращается.md",
        baseName: "Москвич возвращается",
        text: articleText(CHERY_HEAD),
      },
      ZONE,
    );
    expect(result.article?.url).toBe("/articles/moskvich-vozvraschaetsya/");
  });
});

it("reports each required field of an empty front-matter as missing", () => {
  const { diagnostics } = validateArticle(
    articleFile("chery-localization-russia", "---\n---\n\nChery is in talks.\n"),
    ZONE,
  );
  expect(diagnostics).toEqual([
    error(1, 1, "missing-field", "title is missing", HELP.title),
    error(1, 1, "missing-field", "date is missing", HELP.date),
    error(1, 1, "missing-field", "company is missing", HELP.company),
  ]);
});
