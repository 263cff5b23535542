import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import { createArticle } from "../content/new-article.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { askForArticle } from "./ask-for-article.ts";
import {
  NEW_ARTICLE_USAGE,
  type NewArticleDraft,
  parseNewArticleArguments,
} from "./new-article-arguments.ts";
import { runCommand } from "./run-command.ts";

/** The editor's answers; undefined when they end the questions with Ctrl+C or Ctrl+D. */
async function askInTerminal(given: NewArticleDraft): Promise<NewArticleDraft | undefined> {
  const terminal = createInterface({ input: stdin, output: stdout });
  try {
    return await askForArticle((question) => terminal.question(question), given);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ABORT_ERR") return undefined;
    throw error;
  } finally {
    terminal.close();
  }
}

function usageError(message: string): number {
  console.error(`${message}\n\n${NEW_ARTICLE_USAGE}`);
  return 1;
}

await runCommand(async () => {
  const parsed = parseNewArticleArguments(process.argv.slice(2));
  if (!parsed.ok) return usageError(parsed.message);
  if (parsed.help) {
    console.log(NEW_ARTICLE_USAGE);
    return 0;
  }
  // Only a person at a terminal can answer; a script without a title is a mistake to report.
  const draft =
    parsed.draft.title === undefined && stdin.isTTY
      ? await askInTerminal(parsed.draft)
      : parsed.draft;
  if (!draft) {
    console.error("\nCancelled: no article was written.");
    return 1;
  }
  const { title, companies } = draft;
  if (title === undefined) return usageError("Give the article's title.");
  if (companies.length === 0) return usageError("Name the company with --company.");

  const result = await createArticle(
    { ...draft, title, companies },
    { contentDir: parsed.contentDir, now: new Date() },
  );
  if (result.diagnostics.length > 0) console.error(formatReport(result.diagnostics));
  if (!result.ok) {
    console.error("No article was written.");
    return 1;
  }
  console.log(result.file);
  return 0;
});
