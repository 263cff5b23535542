import { rename, rm, stat } from "node:fs/promises";

async function exists(folder: string): Promise<boolean> {
  return stat(folder).then(
    () => true,
    () => false,
  );
}

/**
 * Puts a finished folder in place of `target` with renames only, so readers and the next
 * build see either the old site or the new one, never a mix. The old tree is deleted last.
 */
export async function replaceFolder(finished: string, target: string): Promise<void> {
  const retired = `${target}.old-${process.pid}`;
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, retired);
  try {
    await rename(finished, target);
  } catch (error) {
    if (hadTarget) await rename(retired, target);
    throw error;
  }
  if (hadTarget) await rm(retired, { recursive: true, force: true });
}
