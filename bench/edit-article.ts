import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** The article a warm build edits: the middle one by name, the same in every tool's copy. */
export async function articleToEdit(contentDir: string): Promise<string> {
  const names = (await readdir(path.join(contentDir, "articles"), { recursive: true }))
    .filter((name) => name.endsWith(".md"))
    .sort();
  const name = names[Math.floor(names.length / 2)];
  if (name === undefined) throw new Error(`no article in ${contentDir}`);
  return path.join("articles", name);
}

/**
 * Adds a sentence to one article for the length of `during`, then puts the file back as it
 * was, so the corpus stays the generator's.
 */
export async function withEditedArticle<T>(file: string, during: () => Promise<T>): Promise<T> {
  const original = await readFile(file, "utf8");
  await writeFile(file, `${original}\nAn editor added this sentence to measure a warm build.\n`);
  try {
    return await during();
  } finally {
    await writeFile(file, original);
  }
}
