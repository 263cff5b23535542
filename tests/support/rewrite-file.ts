import { readFile, writeFile } from "node:fs/promises";
import { expect } from "vitest";

/** Rewrites a content file with `edit`, which must change it, as an editor's commit would. */
export async function rewrite(file: string, edit: (text: string) => string): Promise<void> {
  const text = await readFile(file, "utf8");
  const edited = edit(text);
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
}
