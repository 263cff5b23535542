import { describe, expect, it } from "vitest";
import { heapToRequest } from "../../src/cli/heap-for-site.ts";

const DEFAULT_LIMIT = 4144;
const MACHINE = 24 * 1024;

describe("heapToRequest", () => {
  it("keeps the default heap for a site of ten thousand articles", () => {
    expect(heapToRequest(10_000, DEFAULT_LIMIT, MACHINE)).toBeUndefined();
  });

  it("asks for more heap for a site of a hundred thousand articles", () => {
    const heap = heapToRequest(100_000, DEFAULT_LIMIT, MACHINE);
    expect(heap).toBeGreaterThan(DEFAULT_LIMIT);
    expect(heap).toBeLessThanOrEqual(MACHINE * 0.75);
  });

  it("never asks for more than three quarters of the machine's memory", () => {
    expect(heapToRequest(1_000_000, DEFAULT_LIMIT, MACHINE)).toBe(Math.floor(MACHINE * 0.75));
  });

  it("asks for nothing when the machine has no more to give than the default", () => {
    expect(heapToRequest(100_000, DEFAULT_LIMIT, 4 * 1024)).toBeUndefined();
  });

  it("asks for more the more articles a site has", () => {
    const smaller = heapToRequest(70_000, DEFAULT_LIMIT, MACHINE) ?? 0;
    const larger = heapToRequest(90_000, DEFAULT_LIMIT, MACHINE) ?? 0;
    expect(larger).toBeGreaterThan(smaller);
  });
});
