import { type Dirent, readdirSync, readFileSync, realpathSync } from "node:fs";
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

function outsideContent(file: string): Diagnostic {
  return fileProblem(
    file,
    "outside-content",
    "this file is a link to something outside the content folder",
    "replace the link with the article file itself",
  );
}

function isInside(target: string | undefined, realFolder: string): boolean {
  return target !== undefined && `${target}${path.sep}`.startsWith(`${realFolder}${path.sep}`);
}

/**
 * One article file, or the diagnostic that says why it cannot be trusted to be one. Only a
 * link (`mayLead`) can lead outside the content folder: the others are not resolved, which
 * would cost a system call per file.
 */
function readFile(
  absolutePath: string,
  realContentDir: string,
  mayLead = true,
): ArticleFile | Diagnostic {
  const file = displayPath(absolutePath);
  if (mayLead && !isInside(realpathOrUndefined(absolutePath), realContentDir)) {
    return outsideContent(file);
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

/** An article file found below `content/articles/`, not read yet. */
export interface ListedArticleFile {
  /** Its absolute path. */
  path: string;
  /** Its path inside the content folder, as the folder's digest names it. */
  relative: string;
  /** Whether reading it must first make sure it leads to a file inside the content folder. */
  mayLead: boolean;
  isLink: boolean;
}

/**
 * Every `.md` file below `content/articles/`, in name order, with the content folder's real
 * path that reading one (`readListedFile`) checks links against.
 */
export function listArticleFiles(contentDir: string): {
  files: ListedArticleFile[];
  realContentDir: string;
} {
  const contentRoot = path.resolve(contentDir);
  const root = path.join(contentRoot, ARTICLES_FOLDER);
  let entries: Dirent[];
  try {
    // Links to folders are listed, not followed: what they hold is not read.
    entries = readdirSync(root, { recursive: true, withFileTypes: true, encoding: "utf8" });
  } catch {
    return { files: [], realContentDir: "" };
  }
  const realContentDir = realpathSync.native(contentDir);
  // Below a folder inside the content folder, only a link can lead outside it.
  const rootInside = isInside(realpathOrUndefined(root), realContentDir);
  const files = entries
    .filter((entry) => entry.name.endsWith(".md") && !entry.isDirectory())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return {
        path: file,
        relative: path.relative(contentRoot, file),
        isLink: entry.isSymbolicLink(),
        mayLead: entry.isSymbolicLink() || !rootInside,
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, realContentDir };
}

/** One listed article file read, or the diagnostic that says why it cannot be trusted to be one. */
export function readListedFile(
  listed: ListedArticleFile,
  realContentDir: string,
): ArticleFile | Diagnostic {
  return readFile(listed.path, realContentDir, listed.mayLead);
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
  const { files: listed, realContentDir } = listArticleFiles(contentDir);
  const files: ArticleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listed) {
    const result = readListedFile(file, realContentDir);
    if ("ruleId" in result) diagnostics.push(result);
    else files.push(result);
  }
  return { files, diagnostics };
}
