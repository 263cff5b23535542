import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planPagePasses } from "../../src/output/page-passes.ts";
import { ONE_PAGE_THREAD_FROM, pageThreads, writePasses } from "../../src/output/write-passes.ts";
import {
  type BuiltSite,
  buildFixtureSite,
  expectSameFiles,
  filesOf,
} from "../support/build-fixture.ts";
import { fixturePlannedSite } from "../support/fixture-news.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

let onOneThread: BuiltSite;
let onTwoThreads: BuiltSite;

beforeAll(async () => {
  onOneThread = await buildFixtureSite(CORPUS, { pageThreads: 1 });
  // The corpus is below the size from which threads share the pages: lower it for the test.
  onTwoThreads = await buildFixtureSite(CORPUS, { pageThreads: 2, parallelPagesFrom: 1 });
}, 120_000);

afterAll(async () => {
  await onOneThread.remove();
  await onTwoThreads.remove();
});

describe("pages written on two threads", () => {
  it("are the very files one thread writes", () => {
    expectSameFiles(onTwoThreads.outputDir, onOneThread.outputDir);
  });

  it("are counted once each, though every pass writes the single pages", () => {
    expect(onTwoThreads.result.pageCount).toBe(onOneThread.result.pageCount);
  });
});

describe("a pass that outgrows its thread's heap", () => {
  it("is written by the build's own thread instead, to the same files", async () => {
    const { site, parts } = await fixturePlannedSite();
    const passes = planPagePasses(site, new Set(), { threads: 2, parallelFrom: 1 });
    const inOneThread = await temporaryFolder("one-thread");
    const onStarvedThreads = await temporaryFolder("starved-threads");
    try {
      const expected = await writePasses(inOneThread, passes, parts, 1);
      // A heap far too small for Eleventy: every thread runs out of it.
      const written = await writePasses(onStarvedThreads, passes, parts, 2, () => {}, 8);
      expect(written.count).toBe(expected.count);
      expect(filesOf(onStarvedThreads)).toEqual(filesOf(inOneThread));
    } finally {
      await rm(inOneThread, { recursive: true, force: true });
      await rm(onStarvedThreads, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("pageThreads", () => {
  it.each([
    [33, Math.min(availableParallelism(), 4)],
    [ONE_PAGE_THREAD_FROM - 1, Math.min(availableParallelism(), 4)],
    [ONE_PAGE_THREAD_FROM, 1],
    [100_000, 1],
  ])("gives a site of %i articles %i thread(s)", (articles, threads) => {
    expect(pageThreads(articles)).toBe(threads);
  });
});
