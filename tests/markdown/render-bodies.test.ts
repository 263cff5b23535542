import { describe, expect, it } from "vitest";
import { termLinker } from "../../src/markdown/autolink-terms.ts";
import {
  type BodyRequest,
  PARALLEL_THRESHOLD,
  renderBodies,
  renderRequest,
} from "../../src/markdown/render-bodies.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";

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
    const bodies = await renderBodies(requests, { linkUrls, cache: RenderCache.disabled() });
    const linker = termLinker(linkUrls);
    expect(bodies).toEqual(requests.map((each) => renderRequest(each, linker)));
  });

  it("links the first mention of each name only when the article allows it", async () => {
    const [linked, plain] = await renderBodies([request(0), request(1)], {
      linkUrls,
      cache: RenderCache.disabled(),
    });
    expect(linked?.html).toContain('<a href="/companies/chery/">Chery</a> delivered');
    expect(plain?.html).not.toContain('href="/companies/chery/"');
  });
});
