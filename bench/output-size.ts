import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface OutputSize {
  files: number;
  bytes: number;
}

/** How many files a build wrote and their total size. */
export async function outputSize(folder: string): Promise<OutputSize> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
