import { describe, expect, it } from "vitest";
import {
  type ProgressStream,
  progressFor,
  silentProgress,
  terminalProgress,
} from "../src/progress.ts";

/** A terminal that records what is written to it. */
function fakeTerminal(columns = 80): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY: true, columns, written, write: (text: string) => written.push(text) };
}

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; tick: (ms: number) => void } {
  let time = 1_000_000;
  return { now: () => time, tick: (ms) => (time += ms) };
}

describe("terminalProgress", () => {
  it("rewrites one line in place: return, the text, clear to the end of the line", () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = terminalProgress(terminal, clock.now);
    progress.phase("Rendering Markdown");
    clock.tick(500);
    progress.advance(4210, 10000);
    expect(terminal.written).toEqual([
      "\r\x1b[KRendering Markdown  0 s",
      "\r\x1b[KRendering Markdown  4,210 / 10,000 (42 %)",
    ]);
    expect(terminal.written.join("")).not.toContain("\n");
  });

  it("shows a phase without counts with the seconds since the build started", () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = terminalProgress(terminal, clock.now);
    clock.tick(12_400);
    progress.phase("Writing pages");
    expect(terminal.written).toEqual(["\r\x1b[KWriting pages  12 s"]);
  });

  it("redraws at most once every 100 ms while a phase advances", () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = terminalProgress(terminal, clock.now);
    progress.phase("Rendering Markdown");
    for (let done = 1; done < 100; done++) {
      clock.tick(10);
      progress.advance(done, 100);
    }
    // 990 ms of updates after the phase line: one redraw per 100 ms.
    expect(terminal.written).toHaveLength(1 + 9);
  });

  it("always draws the final count, however soon after the last redraw", () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = terminalProgress(terminal, clock.now);
    progress.phase("Rendering Markdown");
    progress.advance(99, 100);
    progress.advance(100, 100);
    expect(terminal.written.at(-1)).toBe("\r\x1b[KRendering Markdown  100 / 100 (100 %)");
  });

  it("always draws a phase change, however soon after the last redraw", () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = terminalProgress(terminal, clock.now);
    progress.phase("Reading content");
    progress.phase("Rendering Markdown");
    expect(terminal.written).toEqual([
      "\r\x1b[KReading content  0 s",
      "\r\x1b[KRendering Markdown  0 s",
    ]);
  });

  it("clears the line when the build ends, so the summary prints on a clean line", () => {
    const terminal = fakeTerminal();
    const progress = terminalProgress(terminal, fakeClock().now);
    progress.phase("Writing pages");
    progress.end();
    expect(terminal.written.at(-1)).toBe("\r\x1b[K");
  });

  it("writes nothing when the build ends before anything was drawn", () => {
    const terminal = fakeTerminal();
    terminalProgress(terminal, fakeClock().now).end();
    expect(terminal.written).toEqual([]);
  });

  it("cuts the line to one less than the terminal's width, so it never wraps", () => {
    const terminal = fakeTerminal(12);
    const progress = terminalProgress(terminal, fakeClock().now);
    progress.phase("Rendering Markdown");
    expect(terminal.written).toEqual(["\r\x1b[KRendering M"]);
  });
});

describe("progressFor", () => {
  it("draws a live line on an interactive terminal outside CI", () => {
    const terminal = fakeTerminal();
    progressFor(terminal, {}).phase("Reading content");
    expect(terminal.written).toHaveLength(1);
  });

  it("treats CI=false as outside CI", () => {
    expect(progressFor(fakeTerminal(), { CI: "false" })).not.toBe(silentProgress);
  });

  it("is silent in CI, even on a terminal", () => {
    expect(progressFor(fakeTerminal(), { CI: "true" })).toBe(silentProgress);
  });

  it("is silent when output goes to a pipe or a file", () => {
    expect(progressFor({ ...fakeTerminal(), isTTY: false }, {})).toBe(silentProgress);
  });

  it("is silent on a dumb terminal, which cannot rewrite a line", () => {
    expect(progressFor(fakeTerminal(), { TERM: "dumb" })).toBe(silentProgress);
  });
});
