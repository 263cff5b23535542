import { createHash } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

function readOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** What one entry of the content folder contributes: its kind, its path and its bytes. */
function entryDigest(root: string, relative: string, isLink: boolean): string {
  const full = path.join(root, relative);
  const hash = createHash("sha256").update(`${relative}\0`);
  // A link counts by where it leads as well as by what it holds: a link that now leads
  // outside the content folder is refused, even if the bytes it reads are the same.
  if (isLink) hash.update(`link\0${readOrUndefined(() => readlinkSync(full)) ?? ""}\0`);
  const bytes = readOrUndefined(() => readFileSync(full));
  hash.update(bytes === undefined ? "unreadable\0" : `${bytes.length}\0`);
  if (bytes) hash.update(bytes);
  return hash.digest("base64url");
}

/**
 * One hash of everything in the content folder: every file's path and bytes (articles, the
 * registry, `site.yaml`, pictures) and where each link leads. Two folders with the same
 * digest hold the same content, so a build of them is the same site. One file at a time is
 * in memory, whatever the size of the archive. Synchronous on purpose: for thousands of small
 * files, a promise per system call costs more than the reads themselves.
 */
export function contentDigest(contentDir: string): string {
  const root = path.resolve(contentDir);
  const entries =
    readOrUndefined(() => readdirSync(root, { recursive: true, withFileTypes: true })) ?? [];
  const named = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => ({
      relative: path.relative(root, path.join(entry.parentPath, entry.name)),
      isLink: entry.isSymbolicLink(),
    }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const hash = createHash("sha256");
  for (const entry of named) hash.update(entryDigest(root, entry.relative, entry.isLink));
  return hash.digest("base64url");
}
