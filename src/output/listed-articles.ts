import { scanTags, type TagHandler } from "./scan-tags.ts";

/**
 * Reads which articles a written page's lists link to, and every address it refers to, from
 * its tags alone (`scanTags`): the completeness check reads thousands of pages, and a DOM of
 * each, or even a full tokeniser, costs more time and garbage than the few links it needs.
 */

/** The attribute `articleList` puts on its `<ol>`: the region whose links say what a page lists. */
const ARTICLE_LIST_ATTRIBUTE = "data-article-list";

/** What one written page lists and what it refers to, each address as written in the page. */
export interface PageReferences {
  /** The first article link of each card of its article lists, in order, repeats included. */
  listed: string[];
  /** Every address the page loads or links: `href`, `src`, `srcset`, `action`, `poster`, a meta refresh, `og:image`. */
  links: string[];
}

/** Attributes that hold one address, on whatever element. */
const ADDRESS_ATTRIBUTES = ["href", "src", "action", "poster"] as const;

/** Every attribute the reading looks at: the scan keeps no other. */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...ADDRESS_ATTRIBUTES,
  "srcset",
  "content",
  "http-equiv",
  "property",
  ARTICLE_LIST_ATTRIBUTE,
]);

/** `a.avif 480w, b.avif 960w` → `a.avif`, `b.avif`. */
function srcsetAddresses(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/u)[0] ?? "")
    .filter((address) => address !== "");
}

/** `0; url=/news-digest/companies/chery/` → `/news-digest/companies/chery/`. */
function refreshAddress(content: string): string | undefined {
  const match = /;\s*url\s*=\s*(.+)$/iu.exec(content);
  return match?.[1]?.trim().replace(/^(['"])(.*)\1$/u, "$2");
}

/** Adds to `found` the addresses of one tag. */
function addAddresses(name: string, attributes: Record<string, string>, found: string[]): void {
  for (const attribute of ADDRESS_ATTRIBUTES) {
    const value = attributes[attribute];
    if (value !== undefined) found.push(value.trim());
  }
  if (attributes.srcset !== undefined) found.push(...srcsetAddresses(attributes.srcset));
  if (name === "meta" && attributes.content !== undefined) {
    if (attributes["http-equiv"]?.toLowerCase() === "refresh") {
      const address = refreshAddress(attributes.content);
      if (address) found.push(address);
    } else if (attributes.property === "og:image") {
      found.push(attributes.content.trim());
    }
  }
}

/**
 * Reads a page once. `listed` holds, for each card (a direct `<li>` child) of every
 * `<ol data-article-list>`, the first link whose address starts with `prefix`; a card
 * without such a link adds nothing. `scan` reads the tags: `scanTags`, or in tests the HTML
 * parser it stands in for.
 */
export function pageReferences(
  html: string,
  prefix: string,
  scan: (html: string, handler: TagHandler, only: ReadonlySet<string>) => void = scanTags,
): PageReferences {
  const listed: string[] = [];
  const links: string[] = [];
  let olDepth = 0; // 0 outside a list; 1 directly inside it
  let liDepth = 0; // 0 between cards; 1 inside a card, more inside its nested lists
  let cardLinked = false;
  scan(
    html,
    {
      onopentag(name, attributes) {
        addAddresses(name, attributes, links);
        if (olDepth === 0) {
          if (name === "ol" && ARTICLE_LIST_ATTRIBUTE in attributes) olDepth = 1;
          return;
        }
        if (name === "ol") olDepth += 1;
        else if (name === "li") {
          if (olDepth === 1 && liDepth === 0) cardLinked = false;
          liDepth += 1;
        } else if (name === "a" && liDepth > 0 && !cardLinked) {
          const href = attributes.href;
          if (href?.startsWith(prefix)) {
            listed.push(href);
            cardLinked = true;
          }
        }
      },
      onclosetag(name) {
        if (olDepth === 0) return;
        if (name === "ol") olDepth -= 1;
        else if (name === "li") liDepth -= 1;
      },
    },
    READ_ATTRIBUTES,
  );
  return { listed, links };
}

/** The article links of a page's lists: see `pageReferences`. */
export function listedArticles(html: string, prefix: string): string[] {
  return pageReferences(html, prefix).listed;
}
