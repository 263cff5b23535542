import { describe, expect, it } from "vitest";
import { heapToRequest } from "../../src/cli/heap-for-site.ts";
import { ONE_PAGE_THREAD_FROM } from "../../src/output/write-passes.ts";

const DEFAULT_LIMIT = 4144;
const MACHINE = 24 * 1024;

describe("heapToRequest", () => {
  it("keeps the default heap for a site of ten thousand articles when not capped", () => {
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

  describe("capped, for a build", () => {
    it.each([
      // articles, current limit, heap asked for
      [1_000, DEFAULT_LIMIT, undefined],
      [ONE_PAGE_THREAD_FROM - 1, DEFAULT_LIMIT, undefined],
      [ONE_PAGE_THREAD_FROM, DEFAULT_LIMIT, 544],
      [10_000, DEFAULT_LIMIT, 704],
      [20_000, DEFAULT_LIMIT, 1024],
      // A machine whose default is smaller: held all the same.
      [10_000, 2048, 704],
      // A site that needs more than the default still gets more.
      [100_000, DEFAULT_LIMIT, 9024],
    ])("asks a site of %i articles under a %i MiB heap for %s MiB", (articles, limit, heap) => {
      expect(heapToRequest(articles, limit, MACHINE, true)).toBe(heap);
    });
  });
});
