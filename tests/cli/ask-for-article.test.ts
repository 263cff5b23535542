import { describe, expect, it } from "vitest";
import { type Ask, askForArticle } from "../../src/cli/ask-for-article.ts";

/** Answers the questions in order and records them. */
function scriptedAnswers(answers: string[]): { ask: Ask; questions: string[] } {
  const questions: string[] = [];
  const ask: Ask = async (question) => {
    questions.push(question);
    return answers.shift() ?? "";
  };
  return { ask, questions };
}

const NOTHING_GIVEN = { companies: [], models: [], partners: [] };

describe("askForArticle", () => {
  it("asks for the title, company, models and partners, lists separated by commas", async () => {
    const { ask } = scriptedAnswers([
      " Chery starts Tiggo 4 Pro assembly ",
      "Chery",
      "Tiggo 4 Pro, Tiggo 7 Pro",
      "UAZ,Moskvich",
    ]);

    const draft = await askForArticle(ask, NOTHING_GIVEN);

    expect(draft).toEqual({
      title: "Chery starts Tiggo 4 Pro assembly",
      companies: ["Chery"],
      models: ["Tiggo 4 Pro", "Tiggo 7 Pro"],
      partners: ["UAZ", "Moskvich"],
    });
  });

  it("accepts empty answers for models and partners", async () => {
    const { ask } = scriptedAnswers(["Haval expands its Tula plant", "Haval", "", " "]);

    const draft = await askForArticle(ask, NOTHING_GIVEN);

    expect(draft).toMatchObject({ models: [], partners: [] });
  });

  it("does not ask for what the command line already gave", async () => {
    const { ask, questions } = scriptedAnswers(["Chery starts Tiggo 4 Pro assembly", ""]);

    const draft = await askForArticle(ask, {
      companies: ["Chery"],
      models: ["Tiggo 4 Pro"],
      partners: [],
      slug: "chery-tiggo-4-pro-uaz",
    });

    expect(questions).toEqual(["Title: ", "Partners, separated by commas (Enter for none): "]);
    expect(draft).toMatchObject({ companies: ["Chery"], slug: "chery-tiggo-4-pro-uaz" });
  });

  it("leaves the title out when the answer is empty", async () => {
    const { ask } = scriptedAnswers(["   ", "Chery", "", ""]);

    const draft = await askForArticle(ask, NOTHING_GIVEN);

    expect("title" in draft).toBe(false);
  });
});
