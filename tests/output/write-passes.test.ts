import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

/** Every file of a built site, by its path inside the site, with its bytes. */
function filesOf(site: string): Map<string, string> {
  const files = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)));
  return new Map(files.sort().map((file) => [file, readFileSync(path.join(site, file), "latin1")]));
}

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
    const expected = filesOf(onOneThread.outputDir);
    const written = filesOf(onTwoThreads.outputDir);
    expect([...written.keys()]).toEqual([...expected.keys()]);
    const differing = [...expected].filter(([file, bytes]) => written.get(file) !== bytes);
    expect(differing.map(([file]) => file)).toEqual([]);
  });

  it("are counted once each, though every pass writes the single pages", () => {
    expect(onTwoThreads.result.pageCount).toBe(onOneThread.result.pageCount);
  });
});
