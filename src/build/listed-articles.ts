/**
 * Reads which articles a written page's lists link to, without building a DOM: the
 * completeness check reads thousands of pages, and a parse tree of each costs more time and
 * garbage than the few links it needs. The scan walks tags only, so it relies on what
 * well-formed output guarantees: quoted attribute values and closed `<li>` elements.
 */

/** The attribute `articleList` puts on its `<ol>`: the region whose links say what a page lists. */
const ARTICLE_LIST_ATTRIBUTE = "data-article-list";

/** A comment, or a start or end tag whose attributes may hold `>` inside quotes. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

const LIST_MARK = new RegExp(`(?:^|\\s)${ARTICLE_LIST_ATTRIBUTE}(?:[\\s=/]|$)`, "i");
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Elements whose content is text, not markup: a `<` in them starts no tag. */
const RAW_TEXT = new Set(["script", "style"]);

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
  "#x27": "'",
};

/** Attribute and element text as written, entity-escaped by the template engine, read back. */
export function decodeText(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos|#39|#x27);/g,
    (entity, name: string) => ENTITIES[name] ?? entity,
  );
}

function hrefOf(attributes: string): string | undefined {
  const match = HREF.exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? undefined : decodeText(value);
}

/**
 * For each card (a direct `<li>` child) of every `<ol data-article-list>` in `html`, the
 * first link whose address starts with `prefix`, in order, repeats included. A card without
 * such a link adds nothing.
 */
export function listedArticles(html: string, prefix: string): string[] {
  const listed: string[] = [];
  let olDepth = 0; // 0 outside a list; 1 directly inside it
  let liDepth = 0; // 0 between cards; 1 inside a card, more inside its nested lists
  let cardLinked = false;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [, slash, rawName, attributes = ""] = match;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    const closing = slash === "/";
    if (!closing && RAW_TEXT.has(name)) {
      const end = html.indexOf(`</${name}`, TOKEN.lastIndex);
      if (end < 0) break;
      TOKEN.lastIndex = end;
      continue;
    }
    if (olDepth === 0) {
      if (!closing && name === "ol" && LIST_MARK.test(attributes)) olDepth = 1;
      continue;
    }
    if (name === "ol") {
      olDepth += closing ? -1 : 1;
    } else if (name === "li") {
      if (!closing && olDepth === 1 && liDepth === 0) cardLinked = false;
      liDepth += closing ? -1 : 1;
    } else if (name === "a" && !closing && liDepth > 0 && !cardLinked) {
      const href = hrefOf(attributes);
      if (href?.startsWith(prefix)) {
        listed.push(href);
        cardLinked = true;
      }
    }
  }
  return listed;
}
