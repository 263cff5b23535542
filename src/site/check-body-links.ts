import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article } from "../markdown/article.ts";

/** `/articles/x` and `/articles/x/` name the same page; query and fragment do not matter. */
function pagePath(url: string): string | undefined {
  if (!url.startsWith("/") || url.startsWith("//")) return undefined;
  const path = url.replace(/[?#].*$/, "");
  const lastSegment = path.split("/").at(-1) ?? "";
  if (lastSegment.includes(".")) return undefined;
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Links in article bodies to pages of this site that will not exist in the published site,
 * and pictures in the text, which are not published (and need alternative text anyway). `publishedUrls` holds every page URL of a production build.
 */
export function checkBodyLinks(
  articles: readonly Article[],
  publishedUrls: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const article of articles) {
    for (const link of article.body.links) {
      const place = {
        file: article.file,
        line: article.bodyStartLine + link.place.line - 1,
        column: link.place.column,
      };
      if (link.isImage && (link.alt ?? "").trim() === "") {
        diagnostics.push({
          ...place,
          severity: "error",
          ruleId: "image-missing-alt",
          message: "this image has no alternative text",
          fix: "describe the picture for readers who cannot see it: ![Chery Tiggo 4 Pro on a test track](photo.jpg)",
        });
      }
      if (link.isImage) {
        // Only lead pictures are published (and served by the site itself, as its security
        // policy demands); a picture in the text would show as a broken image.
        diagnostics.push({
          ...place,
          severity: "error",
          ruleId: "body-image",
          message: "pictures inside the article text are not published",
          fix: "make it the lead picture (`image:` and `image_alt:` in the front-matter), or link to it: [photo of the plant](https://…)",
        });
        continue;
      }
      const path = pagePath(link.url);
      if (path === undefined || publishedUrls.has(path)) continue;
      diagnostics.push({
        ...place,
        severity: "error",
        ruleId: "broken-internal-link",
        message: `the link to ${link.url} leads to a page that will not exist`,
        fix: "correct the address (see the URL scheme in the editors' guide), or link to a published article",
      });
    }
  }
  return diagnostics;
}
