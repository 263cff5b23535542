import { spawn } from "node:child_process";
import { sampleTreeRss } from "./tree-rss.ts";

export interface Measured {
  seconds: number;
  peakRssBytes: number;
}

export interface Command {
  program: string;
  args: string[];
  cwd: string;
}

/** Runs a command in a fresh process, timing it from spawn to exit; fails on a non-zero exit. */
export function runMeasured(command: Command): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command.program, command.args, {
      cwd: command.cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const stopSampling = child.pid === undefined ? () => 0 : sampleTreeRss(child.pid);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      // Keep the end only: warnings of a large corpus can run to megabytes.
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakRssBytes = stopSampling();
      if (code === 0) resolve({ seconds, peakRssBytes });
      else {
        const shown = [command.program, ...command.args].join(" ");
        reject(new Error(`${shown} exited with ${code}:\n${stderr}`));
      }
    });
  });
}
