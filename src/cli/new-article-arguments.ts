import { parseArgs } from "node:util";

export const NEW_ARTICLE_USAGE = `Usage: npm run new -- "<title>" --company <name> [--model <name>] [--partner <name>] [--slug <slug>]

Writes content/articles/<slug>.md: a draft dated today, to write and preview with npm start.
Run it without a title in a terminal to be asked for each field.

  --company <name>  the company the article is about; repeat for several
  --model <name>    a model the article names; repeat for several
  --partner <name>  a partner the article names; repeat for several
  --slug <slug>     the file name and address, instead of the title's
  --content <dir>   the content folder (default: content)
  --help            show this text`;

/** The editor's answers so far: any of them may still be asked for. */
export interface NewArticleDraft {
  title?: string;
  companies: string[];
  models: string[];
  partners: string[];
  slug?: string;
}

export type NewArticleArguments =
  | { ok: true; help: boolean; contentDir: string; draft: NewArticleDraft }
  | { ok: false; message: string };

/** Reads `npm run new` arguments; words outside quotes still make one title. */
export function parseNewArticleArguments(args: readonly string[]): NewArticleArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const title = positionals.join(" ");
  return {
    ok: true,
    help: values.help ?? false,
    contentDir: values.content ?? "content",
    draft: {
      ...(title === "" ? {} : { title }),
      companies: values.company ?? [],
      models: values.model ?? [],
      partners: values.partner ?? [],
      ...(values.slug === undefined ? {} : { slug: values.slug }),
    },
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      company: { type: "string", multiple: true },
      model: { type: "string", multiple: true },
      partner: { type: "string", multiple: true },
      slug: { type: "string" },
      content: { type: "string" },
      help: { type: "boolean" },
    },
  });
}
