import { defaultSchema } from "hast-util-sanitize";

/**
 * The scheme of a link or image URL that the sanitizer will drop (`javascript`, `data`,
 * `HTTP` in capitals), or undefined when it is published. Same rule as hast-util-sanitize:
 * a colon after `/`, `?` or `#` is not a scheme, and schemes are compared as written.
 */
export function droppedScheme(url: string, isImage: boolean): string | undefined {
  const allowed = defaultSchema.protocols?.[isImage ? "src" : "href"] ?? [];
  const colon = url.indexOf(":");
  if (colon < 0) return undefined;
  const beforeColon = url.slice(0, colon);
  if (/[/?#]/.test(beforeColon)) return undefined;
  return allowed.includes(beforeColon) ? undefined : beforeColon;
}
