import { spawnSync } from "node:child_process";

/** The id of a process that has just ended: what a killed build leaves in its names. */
export function endedProcessId(): number {
  const ended = spawnSync(process.execPath, ["-e", ""]);
  if (ended.pid === undefined) throw new Error("could not start a process to end");
  return ended.pid;
}
