import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the system's temporary folder; the caller removes it. */
export function temporaryFolder(purpose: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `news-digest-${purpose}-`));
}
