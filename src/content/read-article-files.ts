import { readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../project-paths.ts";

export interface ArticleFile {
  /** Path for messages, relative to the working folder when inside it. */
  file: string;
  /** The file name without `.md`: the default slug. */
  baseName: string;
  text: string;
}

export const ARTICLES_FOLDER = "articles";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function fileProblem(file: string, ruleId: string, message: string, fix: string): Diagnostic {
  return { file, line: 1, column: 1, severity: "error", ruleId, message, fix };
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** One article file, or the diagnostic that says why it cannot be trusted to be one. */
function readFile(absolutePath: string, realContentDir: string): ArticleFile | Diagnostic {
  const file = displayPath(absolutePath);
  const target = realpathOrUndefined(absolutePath);
  if (target === undefined || !`${target}${path.sep}`.startsWith(`${realContentDir}${path.sep}`)) {
    return fileProblem(
      file,
      "outside-content",
      "this file is a link to something outside the content folder",
      "replace the link with the article file itself",
    );
  }
  const bytes = readFileSync(absolutePath);
  try {
    return { file, baseName: path.basename(absolutePath, ".md"), text: strictUtf8.decode(bytes) };
  } catch {
    return fileProblem(
      file,
      "not-utf8",
      "the file is not UTF-8 text",
      "save it as UTF-8 in your editor (File › Save with encoding › UTF-8)",
    );
  }
}

/**
 * One article file of `contentDir`, read and checked as `readArticleFiles` reads each: what a
 * preview reads again after an edit of that file alone.
 */
export function readArticleFile(
  contentDir: string,
  absolutePath: string,
): ArticleFile | Diagnostic {
  return readFile(absolutePath, realpathSync.native(contentDir));
}

/**
 * Reads every `.md` file below `content/articles/`, in name order. Files that cannot be
 * trusted to be articles (not UTF-8, links leading outside the content folder) become
 * diagnostics instead. Synchronous on purpose: for thousands of small files, a promise for
 * each of the four system calls a read takes cost more than the reads themselves (about a
 * second at 10,000 articles).
 */
export async function readArticleFiles(
  contentDir: string,
): Promise<{ files: ArticleFile[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(contentDir, ARTICLES_FOLDER);
  const files: ArticleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".md"),
    );
  } catch {
    return { files, diagnostics };
  }
  names.sort();
  const realContentDir = realpathSync.native(contentDir);
  const read = names.map((name) => readFile(path.join(root, name), realContentDir));
  for (const result of read) {
    if ("ruleId" in result) diagnostics.push(result);
    else files.push(result);
  }
  return { files, diagnostics };
}
