import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/parse-article.ts";
import { articleFile } from "../support/articles.ts";
import { articleText } from "../support/content-folder.ts";

const ZONE = "Europe/Moscow";

describe("a parsed article", () => {
  it("comes back from JSON unchanged, its dates, places and body included", () => {
    const parsed = parseArticle(
      articleFile(
        "chery-tiggo-4-pro-crash-test",
        articleText(
          [
            "title: Tiggo 4 Pro gets five stars in a Russian crash test",
            "date: 2022-06-01T23:30:00+03:00",
            "updated: 2022-06-03",
            "company: Chery",
            "models: [{ name: Tiggo 4 Pro, company: Chery }]",
            "partners: [{ name: UAZ, status: denied }]",
            "source: { name: Autoreview, url: https://autoreview.ru/ }",
            "corrections:",
            '  - { date: 2022-06-03, text: "The test was run in Dmitrov, not in Tolyatti." }',
          ],
          "The crossover scored 31.5 points of 37 for adult occupants.",
        ),
      ),
      ZONE,
    );
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
  });

  it("comes back from JSON unchanged when it has only diagnostics", () => {
    const parsed = parseArticle(
      articleFile(
        "chery-tiggo-7-pro-price-list",
        articleText([
          "title: Chery raises Tiggo 7 Pro prices",
          "date: 2022-02-30",
          "comapny: Chery",
        ]),
      ),
      ZONE,
    );
    expect(parsed.ok).toBe(false);
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
  });
});
