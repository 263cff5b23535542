import type { Link, Root } from "mdast";
import { findAndReplace } from "mdast-util-find-and-replace";

/**
 * The company, model and partner names of one build, each with the page it links to. Built
 * once per build; each article may prefer its own front-matter's reading of a name.
 */
export interface TermLinker {
  /** Every name, longest first, as one whole-word pattern; undefined when there are none. */
  pattern?: RegExp;
  /** The page of each name. */
  urls: ReadonlyMap<string, string>;
}

export const NO_TERM_LINKS: TermLinker = { urls: new Map() };

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * A name matches as a whole word in any script: "Chery" not inside "Cherylin", "Чери" not
 * inside "Чериков". Longer names are tried first, so "Tiggo 4 Pro" wins over "Tiggo".
 */
export function termLinker(urls: ReadonlyMap<string, string>): TermLinker {
  const names = [...urls.keys()].filter((name) => name.trim() !== "");
  if (names.length === 0) return NO_TERM_LINKS;
  names.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = names.map(escapeForRegExp).join("|");
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, "gu"),
    urls,
  };
}

/** Nodes whose text must stay as written: a link inside them would be wrong or nested. */
const LEFT_ALONE = [
  "heading",
  "link",
  "linkReference",
  "image",
  "imageReference",
  "definition",
  "code",
  "inlineCode",
  "html",
] as const;

/**
 * A remark transform: links the first mention of each known term in the text to its page,
 * once per term (per page, whatever name it is written by). `ownUrls` are the article's
 * own front-matter readings: "Atlas" in a Geely article means Geely's Atlas.
 */
export function remarkAutolinkTerms(
  linker: TermLinker,
  ownUrls: ReadonlyMap<string, string> = new Map(),
) {
  return (tree: Root): void => {
    const { pattern } = linker;
    if (!pattern) return;
    const linked = new Set<string>();
    findAndReplace(
      tree,
      [
        pattern,
        (name: string): Link | false => {
          const url = ownUrls.get(name) ?? linker.urls.get(name);
          if (url === undefined || linked.has(url)) return false;
          linked.add(url);
          return { type: "link", url, children: [{ type: "text", value: name }] };
        },
      ],
      { ignore: [...LEFT_ALONE] },
    );
  };
}
