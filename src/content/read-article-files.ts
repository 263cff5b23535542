import { readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export interface ArticleFile {
  /** Path for messages, relative to the working folder when inside it. */
  file: string;
  /** The file name without `.md`: the default slug. */
  baseName: string;
  text: string;
}

export const ARTICLES_FOLDER = "articles";

/** How messages name a path: relative to the working folder when inside it, else absolute. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join("/");
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function fileProblem(file: string, ruleId: string, message: string, fix: string): Diagnostic {
  return { file, line: 1, column: 1, severity: "error", ruleId, message, fix };
}

/**
 * Reads every `.md` file below `content/articles/`, in name order. Files that cannot be
 * trusted to be articles (not UTF-8, links leading outside the content folder) become
 * diagnostics instead.
 */
export async function readArticleFiles(
  contentDir: string,
): Promise<{ files: ArticleFile[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(contentDir, ARTICLES_FOLDER);
  const files: ArticleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith(".md"));
  } catch {
    return { files, diagnostics };
  }
  names.sort();
  const realContentDir = await realpath(contentDir);
  for (const name of names) {
    const absolutePath = path.join(root, name);
    const file = displayPath(absolutePath);
    const target = await realpath(absolutePath).catch(() => undefined);
    if (
      target === undefined ||
      !`${target}${path.sep}`.startsWith(`${realContentDir}${path.sep}`)
    ) {
      diagnostics.push(
        fileProblem(
          file,
          "outside-content",
          "this file is a link to something outside the content folder",
          "replace the link with the article file itself",
        ),
      );
      continue;
    }
    const bytes = await readFile(absolutePath);
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      diagnostics.push(
        fileProblem(
          file,
          "not-utf8",
          "the file is not UTF-8 text",
          "save it as UTF-8 in your editor (File › Save with encoding › UTF-8)",
        ),
      );
      continue;
    }
    files.push({ file, baseName: path.basename(name, ".md"), text });
  }
  return { files, diagnostics };
}
