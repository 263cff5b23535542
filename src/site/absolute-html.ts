/**
 * Rewrites the link and image targets of rendered article HTML to absolute URLs, for feed
 * readers, which show an entry away from the site. The HTML comes from remark-html, which
 * always double-quotes attributes and escapes `<` in text, so a tag can be recognised by
 * its opening `<a ` or `<img `.
 */
const LINKING_ATTRIBUTE = /(<(?:a|img)\s[^>]*?\b(?:href|src)=")([^"]*)(")/g;

export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(LINKING_ATTRIBUTE, (_match, before: string, target: string, after) => {
    const decoded = target.replaceAll("&#x26;", "&").replaceAll("&amp;", "&");
    let absolute: string;
    try {
      absolute = new URL(decoded, pageUrl).href;
    } catch {
      return `${before}${target}${after}`;
    }
    return `${before}${absolute.replaceAll("&", "&#x26;").replaceAll('"', "&#x22;")}${after}`;
  });
}
