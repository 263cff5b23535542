import { describe, expect, it } from "vitest";
import { termLinker } from "../../src/markdown/autolink-terms.ts";
import { type BodyOutcome, type BodyRequest, isRefused } from "../../src/markdown/body.ts";
import { PARALLEL_THRESHOLD, renderBodies } from "../../src/markdown/render-bodies.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";
import type { RenderedBody } from "../../src/markdown/render-markdown.ts";
import { renderRequest } from "../../src/markdown/render-request.ts";
import { asRendered } from "../support/bodies.ts";

const PATH = "/news-digest/";
const linkUrls = new Map([
  ["Chery", "/companies/chery/"],
  ["Tiggo 4 Pro", "/models/chery-tiggo-4-pro/"],
]);
const linker = termLinker(linkUrls);

const body = (markdown: string, autolink = false): BodyRequest => ({
  markdown,
  autolink,
  ownUrls: [],
});

/** A body these tests expect rendered; a refusal fails the test that asked. */
function rendered(body: BodyOutcome | undefined): RenderedBody {
  if (!body || isRefused(body)) throw new Error("the body was refused");
  return body;
}

const hrefsOf = (html: string) =>
  Array.from(html.matchAll(/href="([^"]*)"/gu), ([, href = ""]) => href);

describe("links to the site's own pages in a site published under a path", () => {
  it.each([
    ["a page of the site", "[the Chery page](/companies/chery/)", "/news-digest/companies/chery/"],
    [
      "an article, with a fragment",
      "[the plan](/articles/chery-localization-russia/#plant)",
      "/news-digest/articles/chery-localization-russia/#plant",
    ],
    ["a reference link", "[TASS][tass]\n\n[tass]: /sources/tass/", "/news-digest/sources/tass/"],
    ["another site", "[TASS](https://tass.com/economy/)", "https://tass.com/economy/"],
    [
      "another host, scheme left out",
      "[a photo](//cdn.example.org/tula.jpg)",
      "//cdn.example.org/tula.jpg",
    ],
    ["a place on the same page", "[the facts](#facts)", "#facts"],
    ["an e-mail address", "[the desk](mailto:desk@example.org)", "mailto:desk@example.org"],
  ])(
    "publishes a link to %s as the site under its path must, and keeps it as written for the checks",
    (_what, markdown, expected) => {
      const result = rendered(renderRequest(body(markdown), linker, PATH));
      expect(hrefsOf(result.html)).toEqual([expected]);
      const inline = /\]\((.*)\)/u.exec(markdown)?.[1];
      expect(result.links.map((link) => link.url)).toEqual(inline ? [inline] : []);
    },
  );

  it("links the names of the text below the path", () => {
    const { html } = rendered(
      renderRequest(body("Chery showed the Tiggo 4 Pro in Tula.", true), linker, PATH),
    );
    expect(hrefsOf(html)).toEqual([
      "/news-digest/companies/chery/",
      "/news-digest/models/chery-tiggo-4-pro/",
    ]);
  });

  it("never hands a body rendered for one path to a build under another", async () => {
    const cache = RenderCache.disabled();
    const request = body("More in [the Chery page](/companies/chery/).");
    const [atRoot] = asRendered(cache, await renderBodies([request], { linkUrls, cache }));
    const [underPath] = asRendered(
      cache,
      await renderBodies([request], { linkUrls, cache, pathPrefix: PATH }),
    );
    expect(hrefsOf(rendered(atRoot).html)).toEqual(["/companies/chery/"]);
    expect(hrefsOf(rendered(underPath).html)).toEqual(["/news-digest/companies/chery/"]);
  });

  it("renders on worker threads under the path exactly as the calling thread does", async () => {
    const requests = Array.from({ length: PARALLEL_THRESHOLD + 10 }, (_, index) =>
      body(`Chery sold ${index} cars; see [Tiggo 4 Pro news](/models/chery-tiggo-4-pro/).`, true),
    );
    const cache = RenderCache.disabled();
    const bodies = asRendered(
      cache,
      await renderBodies(requests, { linkUrls, cache, pathPrefix: PATH }),
    );
    expect(bodies).toEqual(requests.map((request) => renderRequest(request, linker, PATH)));
    expect(hrefsOf(rendered(bodies[0]).html)).toEqual([
      "/news-digest/companies/chery/",
      "/news-digest/models/chery-tiggo-4-pro/",
    ]);
  });
});
