import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { publishedUrl } from "../urls.ts";

/**
 * A remark transform: links to the site's own pages (`/articles/x/`, as editors write them and
 * as names are linked) are published under the site's path, `/news-digest/articles/x/`.
 * Definitions are rewritten too, so `[text][ref]` links follow. Runs after the links are read
 * for the checks, which speak of the addresses as the editor wrote them.
 */
export function remarkSitePaths(pathPrefix: string) {
  return (tree: Root): void => {
    if (pathPrefix === "/") return;
    visit(tree, (node) => {
      if (node.type === "link" || node.type === "definition") {
        node.url = publishedUrl(pathPrefix, node.url);
      }
    });
  };
}
