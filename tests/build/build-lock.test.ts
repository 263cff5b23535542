import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acquireBuildLock,
  type BuildLock,
  BuildRunningError,
  type LockHolder,
  lockFileOf,
} from "../../src/build/build-lock.ts";
import { endedProcessId } from "../support/processes.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

let parent: string;
let outputDir: string;
const held: BuildLock[] = [];
beforeEach(async () => {
  parent = await temporaryFolder("lock");
  outputDir = path.join(parent, "_site");
});
afterEach(async () => {
  await Promise.all(held.splice(0).map((lock) => lock.release()));
  await rm(parent, { recursive: true, force: true });
});

async function take(options: Parameters<typeof acquireBuildLock>[1] = {}): Promise<BuildLock> {
  const lock = await acquireBuildLock(outputDir, options);
  held.push(lock);
  return lock;
}

describe("the lock of an output folder", () => {
  it("records the build's process and start time beside the output, and is gone once released", async () => {
    const lock = await take();

    const holder = JSON.parse(await readFile(lockFileOf(outputDir), "utf8")) as LockHolder;
    expect(holder.pid).toBe(process.pid);
    expect(Date.now() - Date.parse(holder.started)).toBeLessThan(60_000);
    await lock.release();
    expect(existsSync(lockFileOf(outputDir))).toBe(false);
  });

  it("makes a second build wait, say who holds it once, then give up naming the holder", async () => {
    await take();
    const waitedFor: LockHolder[] = [];

    const second = take({ waitMs: 300, pollMs: 20, onWait: (holder) => waitedFor.push(holder) });

    await expect(second).rejects.toBeInstanceOf(BuildRunningError);
    await expect(second).rejects.toMatchObject({
      holder: { pid: process.pid },
      lockFile: lockFileOf(outputDir),
    });
    expect(waitedFor.map((holder) => holder.pid)).toEqual([process.pid]);
  });

  it("lets a waiting build go on as soon as the first releases it", async () => {
    const first = await take();
    let waiting = false;
    const second = take({ waitMs: 10_000, pollMs: 20, onWait: () => (waiting = true) });
    while (!waiting) await new Promise((resolve) => setTimeout(resolve, 5));

    await first.release();

    await expect(second).resolves.toBeDefined();
    expect(existsSync(lockFileOf(outputDir))).toBe(true);
  });

  const killed = () => JSON.stringify({ pid: endedProcessId(), started: "2026-12-01T18:40:12Z" });
  it.each([
    { kind: "a build that was killed", lock: killed, breaker: undefined },
    { kind: "a killed build whose breaker was killed too", lock: killed, breaker: killed },
    { kind: "a file naming no build", lock: () => "not a lock", breaker: () => "{" },
  ])("takes over the lock of $kind without waiting", async ({ lock, breaker }) => {
    await writeFile(lockFileOf(outputDir), lock());
    if (breaker) await writeFile(`${lockFileOf(outputDir)}.break`, breaker());
    let waited = false;

    await take({ waitMs: 0, onWait: () => (waited = true) });

    expect(waited).toBe(false);
    const holder = JSON.parse(await readFile(lockFileOf(outputDir), "utf8")) as LockHolder;
    expect(holder.pid).toBe(process.pid);
    expect(existsSync(`${lockFileOf(outputDir)}.break`)).toBe(false);
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "is released when the build is stopped with %s",
    async (signal) => {
      const script = [
        `const { acquireBuildLock } = await import(${JSON.stringify(path.resolve("src/build/build-lock.ts"))});`,
        `await acquireBuildLock(${JSON.stringify(outputDir)});`,
        "console.log('locked');",
        "setInterval(() => undefined, 1000);",
      ].join("\n");
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, how) => resolve(how)),
      );
      await new Promise((resolve) => child.stdout.once("data", resolve));
      expect(existsSync(lockFileOf(outputDir))).toBe(true);

      child.kill(signal);

      expect(await exited).toBe(signal);
      expect(existsSync(lockFileOf(outputDir))).toBe(false);
    },
    60_000,
  );
});
