import { readFileSync, unlinkSync } from "node:fs";
import { link, readFile, rm, writeFile } from "node:fs/promises";
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

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    return typeof holder.pid === "number" && typeof holder.started === "string"
      ? { pid: holder.pid, started: holder.started }
      : undefined;
  } catch {
    return undefined;
  }
}

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

const sameHolder = (a: LockHolder | undefined, b: LockHolder) =>
  a?.pid === b.pid && a.started === b.started;

/**
 * Deletes a lock whose build was killed. Two waiters may find the same dead lock at once: each
 * first takes `<lock>.break`, and only then, looking again, deletes the lock if it is still
 * the dead one, so one never deletes the lock the other has just taken. A breaker killed
 * inside those few lines leaves a `.break` of a dead process, which the next one removes.
 */
async function breakDeadLock(file: string, dead: LockHolder, me: LockHolder): Promise<void> {
  const guard = `${file}.break`;
  if (!(await createExclusive(guard, me))) {
    const breaker = await readHolder(guard);
    if (breaker && !isRunning(breaker.pid)) await rm(guard, { force: true });
    return;
  }
  try {
    if (sameHolder(await readHolder(file), dead)) await rm(file, { force: true });
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
  const me: LockHolder = { pid: process.pid, started: new Date().toISOString() };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let waiting = false;
  while (!(await createExclusive(file, me))) {
    const holder = await readHolder(file);
    // Unreadable: the file vanished meanwhile (its build ended), or is not ours to judge.
    if (holder === undefined) continue;
    if (!isRunning(holder.pid)) {
      await breakDeadLock(file, holder, me);
      continue;
    }
    if (Date.now() >= deadline) throw new BuildRunningError(holder, file);
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await sleep(Math.min(options.pollMs ?? 500, Math.max(deadline - Date.now(), 1)));
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
