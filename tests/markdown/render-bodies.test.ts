import { describe, expect, it } from "vitest";
import { termLinker } from "../../src/markdown/autolink-terms.ts";
import { type BodyRequest, isRefused } from "../../src/markdown/body.ts";
import { PARALLEL_THRESHOLD, renderBodies } from "../../src/markdown/render-bodies.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";
import { renderRequest } from "../../src/markdown/render-request.ts";
import { asRendered } from "../support/bodies.ts";

const linkUrls = new Map([
  ["Chery", "/companies/chery/"],
  ["Tiggo 4 Pro", "/models/chery-tiggo-4-pro/"],
  ["UAZ", "/partners/uaz/"],
]);

function request(index: number): BodyRequest {
  return {
    markdown: [
      `## Week ${index}: Chery and UAZ`,
      "",
      `Chery delivered ${index * 10} Tiggo 4 Pro crossovers, and UAZ is **still in talks**.`,
      "",
      "| Model | Sales |",
      "| --- | --- |",
      `| Tiggo 4 Pro | ${index} |`,
    ].join("\n"),
    autolink: index % 2 === 0,
    ownUrls: [],
  };
}

describe("renderBodies", () => {
  it("renders many bodies on worker threads exactly as the calling thread does", async () => {
    const requests = Array.from({ length: PARALLEL_THRESHOLD + 30 }, (_, index) => request(index));
    const cache = RenderCache.disabled();
    const bodies = await renderBodies(requests, { linkUrls, cache });
    const linker = termLinker(linkUrls);
    expect(asRendered(cache, bodies)).toEqual(requests.map((each) => renderRequest(each, linker)));
  });

  it("reports cached bodies at once, then each body the calling thread renders", async () => {
    const cache = RenderCache.disabled();
    await renderBodies([request(0), request(1)], { linkUrls, cache });
    const reports: Array<[number, number]> = [];
    await renderBodies([request(0), request(1), request(2), request(3)], {
      linkUrls,
      cache,
      onRendered: (done, total) => reports.push([done, total]),
    });
    expect(reports).toEqual([
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("reports cached bodies at once, then worker results as they arrive, up to the total", async () => {
    const cache = RenderCache.disabled();
    await renderBodies([request(0), request(1)], { linkUrls, cache });
    const requests = Array.from({ length: PARALLEL_THRESHOLD + 30 }, (_, index) => request(index));
    const reports: number[] = [];
    const totals = new Set<number>();
    await renderBodies(requests, {
      linkUrls,
      cache,
      onRendered: (done, total) => {
        reports.push(done);
        totals.add(total);
      },
    });
    expect(totals).toEqual(new Set([requests.length]));
    expect(reports[0]).toBe(2);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBe(requests.length);
  });

  it("returns a body refused in a worker thread in its place, with the others rendered", async () => {
    const requests = Array.from({ length: PARALLEL_THRESHOLD + 30 }, (_, index) =>
      index === 7
        ? { ...request(index), markdown: `Chery\n\n${"- ".repeat(5000)}UAZ` }
        : request(index),
    );
    const bodies = await renderBodies(requests, { linkUrls, cache: RenderCache.disabled() });
    expect(bodies[7]).toEqual({
      refused: expect.objectContaining({ ruleId: "body-too-deep", place: { line: 3, column: 65 } }),
    });
    expect(bodies.filter((body) => !isRefused(body))).toHaveLength(requests.length - 1);
  });

  it("links the first mention of each name only when the article allows it", async () => {
    const cache = RenderCache.disabled();
    const [linked, plain] = asRendered(
      cache,
      await renderBodies([request(0), request(1)], { linkUrls, cache }),
    );
    expect(linked && "html" in linked && linked.html).toContain(
      '<a href="/companies/chery/">Chery</a> delivered',
    );
    expect(plain && "html" in plain && plain.html).not.toContain('href="/companies/chery/"');
  });
});
