import { type HTMLElement, parse } from "node-html-parser";

export type { HTMLElement };

export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false });
}

/** The text a reader sees, entities decoded and whitespace collapsed; "" for no element. */
export function textOf(element: HTMLElement | null | undefined): string {
  return element ? element.textContent.replace(/\s+/gu, " ").trim() : "";
}

/** The value of one attribute on every element matching `selector`, in document order. */
export function attributeValues(root: HTMLElement, selector: string, attribute: string): string[] {
  return root
    .querySelectorAll(selector)
    .flatMap((element) => element.getAttribute(attribute) ?? []);
}

/** Every `href` and `src` pointing into the site itself (`/…`, not `//host/…`). */
export function localReferences(root: HTMLElement): string[] {
  return [
    ...attributeValues(root, "[href]", "href"),
    ...attributeValues(root, "[src]", "src"),
  ].filter((url) => url.startsWith("/") && !url.startsWith("//"));
}

/** The article URLs a list page (home, company, model, partner) shows, in order. */
export function listedArticleUrls(root: HTMLElement): string[] {
  return attributeValues(root, ".article-list .article-card__title a", "href");
}

/** The list card of the article at `articleUrl`, or undefined when the page does not list it. */
export function articleCard(root: HTMLElement, articleUrl: string): HTMLElement | undefined {
  return root
    .querySelectorAll(".article-list .article-card")
    .find(
      (card) => card.querySelector(".article-card__title a")?.getAttribute("href") === articleUrl,
    );
}

/** Where a paginated list's "newer" and "older" links lead; undefined where there is none. */
export function pagerTargets(root: HTMLElement): { previous?: string; next?: string } {
  const previous = root.querySelector('.pager a[rel="prev"]')?.getAttribute("href");
  const next = root.querySelector('.pager a[rel="next"]')?.getAttribute("href");
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
