import { readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Whether a process with this id exists. A process of another user still counts (`EPERM`):
 * what matters is that its files may be in use.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The name a file or folder is written under before it is renamed to `final`: in the same
 * folder, so the rename never crosses file systems, and carrying the writer's process id, so
 * a later run can tell one abandoned by a killed process from one still being written.
 */
export function temporaryPathFor(final: string): string {
  return `${final}.tmp-${process.pid}`;
}

/** Writes `file` whole or not at all: a reader sees the old content or the new, never half. */
export async function writeFileAtomically(file: string, data: string): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** `name.tmp-<pid>`, and the names earlier versions used: `name.<pid>.tmp`, `name.partial-<pid>`. */
const TEMPORARY_NAME = /\.(?:tmp-|partial-)(\d+)$|\.(\d+)\.tmp$/;

/** The id of the process that wrote a temporary name, or undefined for any other name. */
function writerOf(name: string): number | undefined {
  const match = TEMPORARY_NAME.exec(name);
  const pid = match?.[1] ?? match?.[2];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * Deletes the temporary files and folders in `folder` (only those of `final` when given) whose
 * writer is no longer running: what a killed command left half-written. Those of running
 * processes (a preview, a `check` in another terminal, this process) are theirs to finish.
 * A missing folder holds nothing.
 */
export async function removeAbandonedTemporaries(
  folder: string,
  final?: string,
): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const abandoned = names.filter((name) => {
    if (final !== undefined && !name.startsWith(`${final}.`)) return false;
    const pid = writerOf(name);
    return pid !== undefined && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(
    abandoned.map((name) => rm(path.join(folder, name), { recursive: true, force: true })),
  );
  return abandoned;
}
