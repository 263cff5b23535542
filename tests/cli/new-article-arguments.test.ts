import { describe, expect, it } from "vitest";
import { parseNewArticleArguments } from "../../src/cli/new-article-arguments.ts";

describe("parseNewArticleArguments", () => {
  it("reads the title and every repeated model and partner", () => {
    const parsed = parseNewArticleArguments([
      "Chery weighs UAZ and Moskvich for Tiggo assembly",
      "--company",
      "Chery",
      "--model",
      "Tiggo 4 Pro",
      "--model",
      "Tiggo 7 Pro",
      "--partner",
      "UAZ",
      "--partner",
      "Moskvich",
    ]);

    expect(parsed).toEqual({
      ok: true,
      help: false,
      contentDir: "content",
      draft: {
        title: "Chery weighs UAZ and Moskvich for Tiggo assembly",
        companies: ["Chery"],
        models: ["Tiggo 4 Pro", "Tiggo 7 Pro"],
        partners: ["UAZ", "Moskvich"],
      },
    });
  });

  it("joins a title typed without quotes into one", () => {
    const parsed = parseNewArticleArguments([
      "Haval",
      "expands",
      "Tula",
      "plant",
      "--company",
      "Haval",
    ]);

    expect(parsed.ok && parsed.draft.title).toBe("Haval expands Tula plant");
  });

  it("leaves the title out when none is given, so it can be asked for", () => {
    const parsed = parseNewArticleArguments(["--company", "Chery"]);

    expect(parsed.ok && "title" in parsed.draft).toBe(false);
  });

  it("reads the slug and the content folder", () => {
    const parsed = parseNewArticleArguments([
      "Chery starts Tiggo 4 Pro assembly",
      "--company=Chery",
      "--slug=chery-tiggo-4-pro-uaz",
      "--content=tests/fixtures/corpus",
    ]);

    expect(parsed).toMatchObject({
      ok: true,
      contentDir: "tests/fixtures/corpus",
      draft: { slug: "chery-tiggo-4-pro-uaz" },
    });
  });

  it("rejects an unknown option with a message naming it", () => {
    const parsed = parseNewArticleArguments(["Chery starts assembly", "--compnay", "Chery"]);

    expect(parsed).toEqual({ ok: false, message: expect.stringContaining("--compnay") });
  });
});
