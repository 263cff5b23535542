import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_SEED, writeCorpus } from "./corpus/generate-corpus.ts";
import { writeHugoContent } from "./corpus/to-hugo.ts";
import type { CorpusPaths } from "./tools.ts";

/** Changes to the generator's code must regenerate corpora written by an older one. */
async function generatorFingerprint(): Promise<string> {
  const folder = path.join(import.meta.dirname, "corpus");
  const hash = createHash("sha256");
  for (const name of (await readdir(folder)).sort()) {
    hash.update(name).update(await readFile(path.join(folder, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Writes the corpus of this size unless the same generator already wrote it with the same
 * seed; the Hugo copy is converted from it when Hugo takes part.
 */
export async function prepareCorpus(paths: CorpusPaths, withHugo: boolean): Promise<void> {
  const marker = path.join(paths.root, "corpus.json");
  const wanted = JSON.stringify({
    articles: paths.articles,
    variant: paths.variant,
    seed: DEFAULT_SEED,
    generator: await generatorFingerprint(),
    hugo: withHugo,
  });
  const present = await readFile(marker, "utf8").catch(() => "");
  if (present === wanted) return;
  await rm(paths.root, { recursive: true, force: true });
  await writeCorpus(paths.content, {
    articles: paths.articles,
    seed: DEFAULT_SEED,
    variant: paths.variant,
  });
  if (withHugo) await writeHugoContent(paths.content, paths.hugoContent);
  await writeFile(marker, wanted);
}
