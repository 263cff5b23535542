import type { NewArticleDraft } from "./new-article-arguments.ts";

/** Asks one question and resolves with the answer as typed. */
export type Ask = (question: string) => Promise<string>;

function names(answer: string): string[] {
  return answer
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** Asks for every field the command line left out; lists are answered with commas. */
export async function askForArticle(ask: Ask, given: NewArticleDraft): Promise<NewArticleDraft> {
  const title = given.title ?? (await ask("Title: ")).trim();
  const companies =
    given.companies.length > 0
      ? given.companies
      : names(await ask("Company (several: separate them with commas): "));
  const models =
    given.models.length > 0
      ? given.models
      : names(await ask("Models, separated by commas (Enter for none): "));
  const partners =
    given.partners.length > 0
      ? given.partners
      : names(await ask("Partners, separated by commas (Enter for none): "));
  return { ...given, ...(title === "" ? {} : { title }), companies, models, partners };
}
