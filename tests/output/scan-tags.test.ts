import path from "node:path";
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageReferences } from "../../src/output/listed-articles.ts";
import { scanTags, type TagHandler } from "../../src/output/scan-tags.ts";
import { type BuiltSite, buildFixtureSite } from "../support/build-fixture.ts";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/corpus");

/** The reading `scanTags` replaces: htmlparser2's parser, as the completeness check ran it. */
function htmlparser2Tags(html: string, handler: TagHandler): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handler.onopentag(name, attributes),
      onclosetag: (name) => handler.onclosetag(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
}

type TagEvent = ["open", string, Record<string, string>] | ["close", string];

function eventsOf(scan: (html: string, handler: TagHandler) => void, html: string): TagEvent[] {
  const events: TagEvent[] = [];
  scan(html, {
    onopentag: (name, attributes) => events.push(["open", name, { ...attributes }]),
    onclosetag: (name) => events.push(["close", name]),
  });
  return events;
}

const TRICKY_SNIPPETS: [string, string][] = [
  ["entities in a value", `<a href="/a?x=1&amp;y=2&quot;&#39;&#x41;&notit;&amp">x</a>`],
  [
    "legacy entities without a semicolon before = or a letter",
    `<a href="/s?a=1&copy=2&copyx&lt3">x</a><a href=/q&amp;r>y</a>`,
  ],
  ["single quotes", `<a href='/single "quoted"/' title='it&apos;s'>x</a>`],
  ["unquoted values", `<a href=/unquoted/ data-x=a"b'c class=x>y</a><img src=/i.png/>`],
  ["uppercase tag and attribute names", `<A HREF="/upper/" SrcSet="/a.png 1x">x</A><IMG SRC="/i">`],
  [
    "a srcset with several candidates",
    `<picture><source srcset="/a-480.avif 480w,/a-960.avif 960w , /a.avif 2x"><img src="/a.jpeg" srcset="/b.jpeg"></picture>`,
  ],
  [
    "attributes split over lines",
    `<link\n  rel="stylesheet"\n  href="/site.css"\n><a\thref\n=\n"/spread/"\r\n>x</a>`,
  ],
  ["a > and newlines inside a value", `<a title="a > b\nc" href="/after-gt/">x</a>`],
  [
    "repeated attributes, the first winning",
    `<a href="/first/" href="/second/" HREF="/third/">x</a>`,
  ],
  ["attributes without values and a bare =", `<input disabled checked =x / ><a href= >y</a>`],
  ["attributes run together", `<a href="/x/"title="t"class='c'>x</a>`],
  ["a slash inside a tag", `<a/href="/slash/"/ class=x>x</a><br/><div / >d</div>`],
  [
    "comments of every form",
    `<!-- <a href="/in-comment/"> --><!--><a href="/after-empty/"><!---><a href="/after-dash/">
    <!-- -- --!> <a href="/after-bang/"> <!--!> <a href="/inside/"> -->
    <!doctype html><!DOCTYPE html><! bogus <a href="/bogus/"> ><?xml <a href="/pi/">?>
    <![CDATA[ <a href="/cdata/"> ]]><a href="/after-cdata/">`,
  ],
  [
    "JSON-LD and other scripts",
    `<script type="application/ld+json">{"url": "<a href=\\"/json/\\">", "x": "</scr" + "ipt"}</script>
    <script>if (a < b && c > d) document.write("<img src='/js.png'>")</SCRIPT ><img src="/after-script/">
    <script><!-- </script><a href="/after-comment-script/">`,
  ],
  [
    "styles, titles, textareas and other text-only elements",
    `<style>a::after { content: "<a href='/css/'>" }</style><title>A &amp; <a href="/t/"></title >
    <textarea><img src="/ta/"></textarea><xmp><a href="/xmp/"></xmp><iframe><a href="/if/"></iframe>
    <noembed><a href="/ne/"></noembed><noframes><a href="/nf/"></noframes>
    <noscript><a href="/noscript-is-html/"></noscript><scripts><a href="/not-a-script/"></scripts>`,
  ],
  ["a closing tag that is not one", `</ a href="/x/"><a href="/y/"></3><a href="/z/"></></p></br>`],
  [
    "lists closed by implication",
    `<ol data-article-list><li><a href="/articles/a/">a<li><a href="/articles/b/">b<ul><li>c</ol>
    <p><div><p>x<h2>y</h2><table><tr><td>1<td>2<tr><td>3</table>`,
  ],
  ["a form inside a form", `<form action="/outer/"><form action="/inner/"><input></form></form>`],
  [
    "SVG and MathML",
    `<svg><title><a href="/svg-title/"></title><clippath/><use href="/sprite.svg#i"/><foreignObject><p><script>"<a href='/fo/'>"</script></foreignObject></svg>
    <math><mi><title><a href="/mi-title/"></title></mi></math><svg><image href="/image/"></svg><image src="/img/">`,
  ],
  ["plaintext", `<a href="/before/"><plaintext><a href="/after/">`],
  ["a page cut in a tag", `<ol><li><a href="/cut/" title="unfinished`],
  ["a page cut in a comment", `<a href="/x/"><!-- <a href="/y/">`],
  [
    "meta refreshes and images",
    `<meta http-equiv="REFRESH" content="0; URL='/r/'"><meta property="og:image" content=" /og.png ">
    <video poster="/p.jpeg" src="/v.mp4"></video><form action="/s/"></form>`,
  ],
];

describe("scanTags", () => {
  it.each(TRICKY_SNIPPETS)("reports the tags htmlparser2 reports, given %s", (_name, html) => {
    expect(eventsOf(scanTags, html)).toEqual(eventsOf(htmlparser2Tags, html));
  });

  it.each(TRICKY_SNIPPETS)(
    "gives the page references htmlparser2 gives, given %s",
    (_name, html) => {
      expect(pageReferences(html, "/articles/")).toEqual(
        pageReferences(html, "/articles/", htmlparser2Tags),
      );
    },
  );
});

/** Pieces of HTML's syntax, to be put together at random: tags, names, quotes, comments, entities. */
const SYNTAX = [
  ..."<>/!-?=\"' \n\x1c\x0f&",
  ...["<!--", "-->", "--!>", "<!", "<?", "[CDATA[", "]]>", "</", "&amp;", "&lt", "&#x41;", "&not"],
  ...["a", "li", "ol", "p", "td", "tr", "table", "h1", "div", "select", "option", "input", "img"],
  ...["br", "form", "svg", "math", "mi", "desc", "image", "foreignObject", "clippath", "x"],
  ...["script", "SCRIPT", "style", "title", "textarea", "xmp", "iframe", "plaintext"],
  ...["href", "src", "srcset", "</script", "</title", "</script>", "</title>", "</svg>", "</li>"],
  ...["<script>", "<title>", "<textarea>", "<style>", "<svg>", "<svg/>", "<title/>", "<math>"],
  ...["<mi>", "</mi>", "<foreignObject>", "<image>", "<li>", "</ol>", "<p>", "</p>", "<form>"],
  ...[
    "</form>",
    "<plaintext>",
    "<br/>",
    '<a href="/articles/x&amp;y">',
    "</a>",
    "<ol data-article-list>",
  ],
];

const RANDOM_PAGES = fc
  .array(fc.constantFrom(...SYNTAX), { maxLength: 60 })
  .map((parts) => parts.join(""));

describe("scanTags on any input", () => {
  it("reports the tags htmlparser2 reports, whatever pieces of HTML a page is made of", () => {
    fc.assert(
      fc.property(RANDOM_PAGES, (html) => {
        expect(eventsOf(scanTags, html)).toEqual(eventsOf(htmlparser2Tags, html));
      }),
      { numRuns: 20_000 },
    );
  });

  it("gives the page references htmlparser2 gives, whatever pieces of HTML a page is made of", () => {
    fc.assert(
      fc.property(RANDOM_PAGES, (html) => {
        expect(pageReferences(html, "/articles/")).toEqual(
          pageReferences(html, "/articles/", htmlparser2Tags),
        );
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("scanTags on a built site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixtureSite(CORPUS);
  }, 120_000);
  afterAll(async () => {
    await site?.remove();
  });

  it("reports the tags htmlparser2 reports on every page", () => {
    const pages = site.pages();
    expect(pages.length).toBeGreaterThan(50);
    for (const url of pages) {
      const html = site.readPage(url);
      expect(eventsOf(scanTags, html), url).toEqual(eventsOf(htmlparser2Tags, html));
    }
  });

  it("gives the page references htmlparser2 gives on every page", () => {
    for (const url of site.pages()) {
      const html = site.readPage(url);
      expect(pageReferences(html, "/articles/"), url).toEqual(
        pageReferences(html, "/articles/", htmlparser2Tags),
      );
    }
  });
});
