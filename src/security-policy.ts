import { adminUrl, publishedUrl } from "./urls.ts";

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
 * What the web editor at /admin/ needs beyond the site's policy, and nothing more: Decap CMS
 * compiles its configuration's JSON schema into functions (ajv: `'unsafe-eval'`), injects its
 * styles at run time (`'unsafe-inline'` styles), shows pictures it has just read
 * from the repository as `blob:` URLs and the editor's GitHub avatar, reads an uploaded
 * picture back from its `blob:` URL to save it (`connect-src blob:`: without it the save
 * fails with "Failed to fetch" and writes nothing), and talks to GitHub's API (or, locally,
 * to the local backend on this machine).
 */
function adminPolicy(connectTo: readonly string[]): Record<string, string> {
  return {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob: https://avatars.githubusercontent.com",
    "connect-src": ["'self'", "blob:", ...connectTo].join(" "),
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
  };
}

/** The GitHub API, which the editor reads and writes the repository through. */
const GITHUB_API = "https://api.github.com";

/** The policy of the web editor's own `<meta>`; `localBackend` is the local backend's origin. */
export function adminMetaPolicy(localBackend?: string): string {
  return policyText(adminPolicy(localBackend ? [localBackend] : [GITHUB_API]));
}

const ADMIN_RESPONSE_HEADERS: Record<string, string> = {
  ...RESPONSE_HEADERS,
  "Content-Security-Policy": policyText({ ...adminPolicy([GITHUB_API]), ...HEADER_ONLY_POLICY }),
};

function headerRule(pattern: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [pattern, ...lines].join("\n");
}

/**
 * The `_headers` file (the template ends it with a newline): one rule for every path, then
 * the web editor's, each under the path the site is published under (`/*`, or
 * `/news-digest/*`). Netlify gives a path the header of the last rule that matches it, so
 * /admin/ gets its own policy instead of the site's.
 */
export function headersFile(pathPrefix = "/"): string {
  return [
    headerRule(`${publishedUrl(pathPrefix, "/")}*`, RESPONSE_HEADERS),
    headerRule(`${publishedUrl(pathPrefix, adminUrl())}*`, ADMIN_RESPONSE_HEADERS),
  ].join("\n\n");
}
