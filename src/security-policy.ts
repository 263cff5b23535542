/**
 * What browsers may load on the site's pages: its own scripts, styles and images, plus what
 * Pagefind search needs (WebAssembly, and `data:` images in its stylesheet). Nothing inline.
 */
const PAGE_POLICY: Record<string, string> = {
  "default-src": "'self'",
  "script-src": "'self' 'wasm-unsafe-eval'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
};

/** Browsers ignore `frame-ancestors` in a `<meta>` policy: only the HTTP header can set it. */
const HEADER_ONLY_POLICY: Record<string, string> = { "frame-ancestors": "'none'" };

function policyText(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/** The policy of `<meta http-equiv="Content-Security-Policy">` on every page. */
export const META_CONTENT_SECURITY_POLICY = policyText(PAGE_POLICY);

/** Response headers for every path, in the `_headers` format of Netlify and Cloudflare Pages. */
export const RESPONSE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": policyText({ ...PAGE_POLICY, ...HEADER_ONLY_POLICY }),
  "Referrer-Policy": REFERRER_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

/**
 * The `_headers` file: one rule for every path of the site, `/*`, or `/news-digest/*` for a
 * site published under a path (the template ends it with a newline).
 */
export function headersFile(pathPattern = "/*"): string {
  const lines = Object.entries(RESPONSE_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return [pathPattern, ...lines].join("\n");
}
