import { describe, expect, it } from "vitest";
import { summarizeProfile } from "../../bench/profile-summary.ts";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });

describe("the CPU profile summary", () => {
  it("adds self time per function and per package, heaviest first", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(garbage collector)", "") },
        { id: 2, callFrame: frame("tokenize", "file:///p/node_modules/micromark/dev/index.js") },
        { id: 3, callFrame: frame("render", "file:///p/node_modules/nunjucks/src/env.js") },
      ],
      samples: [2, 2, 3, 1, 2],
      timeDeltas: [1000, 1000, 2000, 500, 1000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(5.5);
    expect(summary.owners).toEqual([
      { name: "micromark", ms: 3 },
      { name: "nunjucks", ms: 2 },
      { name: "(native, GC, idle)", ms: 0.5 },
    ]);
    expect(summary.functions[0]).toEqual({ name: "tokenize micromark:10", ms: 3 });
  });
});
