import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface OutputSize {
  files: number;
  bytes: number;
}

/** How many files a build wrote and their total size. */
export async function outputSize(folder: string): Promise<OutputSize> {
  const { total } = await outputBreakdown(folder);
  return total;
}

/** What one file of a built site is, for the size report. */
export type FileKind =
  | "article page"
  | "term first page"
  | "term later page"
  | "term feed"
  | "directory page"
  | "other";

const TERM_SECTIONS = new Set(["companies", "models", "partners"]);
/** Folders of a term section that are its directory's, not a term's. */
const DIRECTORY_FOLDERS = new Set(["page", "by-count"]);

/** The kind of a file from its path in the output (forward slashes), as the site's URLs lay it out. */
export function kindOf(relativePath: string): FileKind {
  const parts = relativePath.split("/");
  const [section, folder] = parts;
  if (section === "articles" && parts.length === 3) return "article page";
  if (!section || !TERM_SECTIONS.has(section)) return "other";
  if (parts.length === 2 || (folder && DIRECTORY_FOLDERS.has(folder))) return "directory page";
  const file = parts.at(-1);
  if (file === "feed.xml" || file === "feed.json") return "term feed";
  return parts.length === 3 ? "term first page" : "term later page";
}

export interface OutputBreakdown {
  total: OutputSize;
  /** By the first part of the path: `articles`, `companies`, `sitemap.xml`, … */
  sections: Map<string, OutputSize>;
  kinds: Map<FileKind, OutputSize>;
}

function add(sizes: Map<string, OutputSize>, key: string, bytes: number): void {
  const size = sizes.get(key) ?? { files: 0, bytes: 0 };
  size.files++;
  size.bytes += bytes;
  sizes.set(key, size);
}

/** The bytes of every file of a built site (not its folders), by section and by kind. */
export async function outputBreakdown(folder: string): Promise<OutputBreakdown> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const total = { files: 0, bytes: 0 };
  const sections = new Map<string, OutputSize>();
  const kinds = new Map<FileKind, OutputSize>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = (await stat(file)).size;
    const relative = path.relative(folder, file).split(path.sep).join("/");
    total.files++;
    total.bytes += bytes;
    add(sections, relative.split("/")[0] ?? relative, bytes);
    add(kinds as Map<string, OutputSize>, kindOf(relative), bytes);
  }
  return { total, sections, kinds };
}
