import { describe, expect, it } from "vitest";
import { type PagerLink, paginate } from "../../src/site/paginate.ts";

const headlines = Array.from({ length: 25 }, (_, index) => `Chery news ${index + 1}`);

function labels(pages: readonly PagerLink[]): string[] {
  return pages.map((link) =>
    link.kind === "gap" ? "…" : link.isCurrent ? `[${link.number}]` : String(link.number),
  );
}

describe("pages", () => {
  it("counts the pages needed", () => {
    expect(paginate(headlines, 10, "/companies/chery/").map((page) => page.items.length)).toEqual([
      10, 10, 5,
    ]);
  });

  it("gives each page its URL", () => {
    expect(paginate(headlines, 10, "/companies/chery/").map((page) => page.url)).toEqual([
      "/companies/chery/",
      "/companies/chery/page/2/",
      "/companies/chery/page/3/",
    ]);
  });

  it("keeps the items in order across pages", () => {
    expect(paginate(headlines, 10, "/")[2]?.items[0]).toBe("Chery news 21");
  });

  it("tells every page the page count", () => {
    expect(paginate(headlines, 10, "/").map((page) => page.pager.pageCount)).toEqual([3, 3, 3]);
  });

  it("gives an empty list one empty page at the list's URL", () => {
    expect(paginate([], 10, "/partners/uaz/")).toEqual([
      {
        url: "/partners/uaz/",
        items: [],
        pager: {
          pageNumber: 1,
          pageCount: 1,
          pages: [{ kind: "page", number: 1, url: "/partners/uaz/", isCurrent: true }],
        },
      },
    ]);
  });

  it("gives a list that exactly fills a page no second page", () => {
    expect(paginate(headlines.slice(0, 10), 10, "/")).toHaveLength(1);
  });
});

describe("previous and next", () => {
  const pages = paginate(headlines, 10, "/models/chery-tiggo-4-pro/");

  it("gives the first page only a next link", () => {
    expect([pages[0]?.pager.previousUrl, pages[0]?.pager.nextUrl]).toEqual([
      undefined,
      "/models/chery-tiggo-4-pro/page/2/",
    ]);
  });

  it("gives a middle page both links", () => {
    expect([pages[1]?.pager.previousUrl, pages[1]?.pager.nextUrl]).toEqual([
      "/models/chery-tiggo-4-pro/",
      "/models/chery-tiggo-4-pro/page/3/",
    ]);
  });

  it("gives the last page only a previous link", () => {
    expect([pages[2]?.pager.previousUrl, pages[2]?.pager.nextUrl]).toEqual([
      "/models/chery-tiggo-4-pro/page/2/",
      undefined,
    ]);
  });
});

describe("numbered links", () => {
  const hundredPages = paginate(
    Array.from({ length: 100 }, (_, index) => index),
    1,
    "/",
  );

  it("shows every page of a short list", () => {
    expect(labels(paginate(headlines, 10, "/")[1]?.pager.pages ?? [])).toEqual(["1", "[2]", "3"]);
  });

  it("shows the first, the last and the pages near the current one, with gaps", () => {
    expect(labels(hundredPages[49]?.pager.pages ?? [])).toEqual([
      "1",
      "…",
      "48",
      "49",
      "[50]",
      "51",
      "52",
      "…",
      "100",
    ]);
  });

  it("shows no gap before the pages near the start", () => {
    expect(labels(hundredPages[1]?.pager.pages ?? [])).toEqual(["1", "[2]", "3", "4", "…", "100"]);
  });

  it("shows no gap after the pages near the end", () => {
    expect(labels(hundredPages[99]?.pager.pages ?? [])).toEqual(["1", "…", "98", "99", "[100]"]);
  });

  it("never shows a link per page when there are 100 pages", () => {
    const longest = Math.max(...hundredPages.map((page) => page.pager.pages.length));
    expect(longest).toBe(9);
  });

  it("links each number to its page", () => {
    const last = hundredPages[49]?.pager.pages.at(-1);
    expect(last).toEqual({ kind: "page", number: 100, url: "/page/100/", isCurrent: false });
  });
});
