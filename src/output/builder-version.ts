import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Everything besides the data that decides how a page looks: the templates, the Eleventy
 * wiring, the core's code (filters, security policy, view models) and the locked versions of
 * every package. Any change to one of them makes every page new: a page is reused only when
 * the code that would write it again is the code that wrote it.
 */
const BUILDER_SOURCES = ["templates", "src", ".eleventy.ts", "package-lock.json"];

async function filesOf(root: string, entry: string): Promise<string[]> {
  const full = path.join(root, entry);
  const names = await readdir(full, { recursive: true, withFileTypes: true }).catch(() => null);
  if (names === null) return [entry];
  return names
    .filter((name) => name.isFile())
    .map((name) => path.relative(root, path.join(name.parentPath, name.name)));
}

/** A hash of the builder's own files under `projectRoot`; missing files count as empty. */
export async function builderVersion(projectRoot: string): Promise<string> {
  const files = (
    await Promise.all(BUILDER_SOURCES.map((entry) => filesOf(projectRoot, entry)))
  ).flat();
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    const bytes = await readFile(path.join(projectRoot, file)).catch(() => Buffer.alloc(0));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("base64url");
}
