import { Parser } from "htmlparser2";

/**
 * Reads which articles a written page's lists link to with a streaming HTML parser: the
 * completeness check reads thousands of pages, and a DOM of each costs more time and garbage
 * than the few links it needs.
 */

/** The attribute `articleList` puts on its `<ol>`: the region whose links say what a page lists. */
const ARTICLE_LIST_ATTRIBUTE = "data-article-list";

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
  const parser = new Parser(
    {
      onopentag(name, attributes) {
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
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return listed;
}
