import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/** Links to other sites: they get neither a handle on our window nor our page's address. */
const EXTERNAL_URL = /^https?:\/\//i;

export const EXTERNAL_LINK_REL = ["noopener", "noreferrer"];

/** A remark plugin: marks every absolute http(s) link so its `<a>` carries `rel="noopener noreferrer"`. */
export function remarkExternalLinks() {
  return (tree: Root): void => {
    visit(tree, "link", (node) => {
      if (!EXTERNAL_URL.test(node.url)) return;
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, rel: EXTERNAL_LINK_REL },
      };
    });
  };
}
