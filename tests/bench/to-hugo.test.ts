import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toHugoArticle } from "../../bench/corpus/to-hugo.ts";

const frontMatterOf = (text: string) => parse(text.split("---\n")[1] as string);

describe("the Hugo copy of an article", () => {
  it("flattens mentions into taxonomy lists, models named with their company", () => {
    const text = [
      "---",
      "title: Karo and Vel in talks",
      "date: 2022-06-01",
      "company: [Karo, Vel]",
      "models:",
      "  - { name: Tarvo 5, company: Vel }",
      "partners:",
      "  - { name: Mir Group, status: in-talks }",
      "  - Dan Auto",
      "source:",
      "  name: TASS",
      "---",
      "",
      "The body.",
      "",
    ].join("\n");
    const converted = toHugoArticle(text);
    expect(frontMatterOf(converted)).toEqual({
      title: "Karo and Vel in talks",
      date: "2022-06-01",
      source: { name: "TASS" },
      companies: ["Karo", "Vel"],
      models: ["Vel Tarvo 5"],
      partners: ["Mir Group", "Dan Auto"],
    });
    expect(converted.endsWith("\nThe body.\n")).toBe(true);
  });

  it("files a plain model name under the article's company", () => {
    const text = "---\ntitle: T\ndate: 2022-06-01\ncompany: Karo\nmodels: [Tarvo]\n---\nBody\n";
    expect(frontMatterOf(toHugoArticle(text)).models).toEqual(["Karo Tarvo"]);
  });
});
