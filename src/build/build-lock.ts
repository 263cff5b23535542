import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isRunning, temporaryPathFor } from "../leftovers.ts";

/** Who holds the lock of an output folder, as its lock file says. */
export interface LockHolder {
  pid: number;
  /** When that build started, as an ISO 8601 time. */
  started: string;
}

export interface BuildLockOptions {
  /** How long to wait for another build of the same output to finish; 3 minutes by default. */
  waitMs?: number;
  /** Called once when another build holds the lock and this one starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** How often to look whether the lock is free; half a second by default. */
  pollMs?: number;
}

/** Another build of the same output held its lock for longer than this one would wait. */
export class BuildRunningError extends Error {
  constructor(
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    super(`another build holds ${lockFile} (pid ${holder.pid}, since ${holder.started})`);
    this.name = "BuildRunningError";
  }
}

export interface BuildLock {
  release(): Promise<void>;
}

export const DEFAULT_LOCK_WAIT_MS = 3 * 60_000;

/** The lock of an output folder: beside it, like its staging folder, never inside it. */
export function lockFileOf(outputDir: string): string {
  return `${outputDir}.lock`;
}

/** A lock file as found: its text, and its holder when the text is one; undefined if gone. */
async function readLock(file: string): Promise<{ text: string; holder?: LockHolder } | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (typeof holder.pid === "number" && typeof holder.started === "string") {
      return { text, holder: { pid: holder.pid, started: holder.started } };
    }
  } catch {
    // Not a lock this builder wrote: nobody holds it.
  }
  return { text };
}

/** Whether the build a lock names is over: its process is gone, or the file names none. */
const isAbandoned = (lock: { holder?: LockHolder }) =>
  lock.holder === undefined || !isRunning(lock.holder.pid);

/**
 * Creates `file` holding `holder`, or returns false when it exists. The text is written to a
 * temporary file first and linked into place, so a lock file is never seen half-written:
 * `link` is atomic and fails when the name is taken, as `open(file, "wx")` would.
 */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const temporary = temporaryPathFor(file);
  await writeFile(temporary, JSON.stringify(holder));
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Deletes a lock whose build is over, and returns whether the caller may try again at once.
 * Two waiters may find the same dead lock at once: each first takes `<lock>.break`, and only
 * then, reading it again, deletes the lock if it is still the dead one, so one never deletes
 * the lock the other has just taken. A breaker killed inside those few lines leaves a
 * `.break` of a dead process, which the next one removes.
 */
async function breakAbandonedLock(file: string, text: string, me: LockHolder): Promise<boolean> {
  const guard = `${file}.break`;
  if (!(await createExclusive(guard, me))) {
    const breaker = await readLock(guard);
    if (breaker === undefined) return true;
    if (!isAbandoned(breaker)) return false;
    await rm(guard, { force: true });
    return true;
  }
  try {
    if ((await readLock(file))?.text === text) await rm(file, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

/**
 * Takes the lock of an output folder, so two builds started at once (a deploy clicked twice)
 * never write the same staging folder or swap the site in turn: the second waits for the
 * first, at most `waitMs`, then throws `BuildRunningError`. A lock left by a killed build
 * (its process is gone) is taken over. The lock is released by `release()`, and also when
 * the process exits or is stopped with Ctrl-C or SIGTERM, so it never outlives its build.
 */
export async function acquireBuildLock(
  outputDir: string,
  options: BuildLockOptions = {},
): Promise<BuildLock> {
  const file = lockFileOf(outputDir);
  // The lock sits beside the output: its folder may not exist before the first build.
  await mkdir(path.dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, started: new Date().toISOString() };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let waiting = false;
  const pause = () => sleep(Math.min(options.pollMs ?? 500, Math.max(deadline - Date.now(), 1)));
  while (!(await createExclusive(file, me))) {
    const lock = await readLock(file);
    // Gone: its build has just ended.
    if (lock === undefined) continue;
    const { holder } = lock;
    if (holder === undefined || !isRunning(holder.pid)) {
      if (!(await breakAbandonedLock(file, lock.text, me))) await pause();
      continue;
    }
    if (Date.now() >= deadline) throw new BuildRunningError(holder, file);
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await pause();
  }
  return holdLock(file, me);
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

function holdLock(file: string, me: LockHolder): BuildLock {
  let held = true;
  // Synchronous: on exit and on a signal there is no later turn of the event loop.
  const releaseNow = () => {
    if (!held) return;
    held = false;
    process.off("exit", releaseNow);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    try {
      // Only the lock this build wrote, never one another build has taken since.
      if (readFileSync(file, "utf8") === JSON.stringify(me)) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    releaseNow();
    // Listening for a signal replaces Node's default of ending the process: end it as that
    // signal would, unless someone else listens and decides.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on("exit", releaseNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    release: async () => releaseNow(),
  };
}
