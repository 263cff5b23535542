import { defaultSchema } from "hast-util-sanitize";
import type { Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import remarkHtml from "remark-html";
import { visit } from "unist-util-visit";
import type { Place } from "../diagnostics/diagnostic.ts";
import { remarkExternalLinks } from "./external-links.ts";
import { checkMarkdownLimits, type MarkdownLimitExceeded } from "./markdown-limits.ts";

/** What rendering an article body yields: the HTML, and facts the checks and lists need. */
export interface RenderedBody {
  /** Sanitized HTML: no raw HTML, no script, no event handlers, no `javascript:` URLs. */
  html: string;
  /** Plain text of the first paragraph, for lists when no summary is given. */
  firstParagraph: string;
  wordCount: number;
  /** Where raw HTML was written; it is never published. Lines are the body's own, 1-based. */
  rawHtml: Place[];
  /** Every link and image target, with its place in the body. */
  links: Array<{ url: string; place: Place; isImage: boolean; alt?: string }>;
}

/** GitHub's schema, plus `rel` on links: external links must keep `noopener noreferrer`. */
const sanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), "rel"],
  },
};

/**
 * The one Markdown processor: GitHub-flavoured Markdown, compiled by remark-html with
 * GitHub's sanitizing schema. Raw HTML is dropped rather than passed through.
 */
const processor = remark()
  .use(remarkGfm)
  .use(remarkExternalLinks)
  .use(remarkHtml, { sanitize: sanitizeSchema });

function placeOf(node: { position?: { start: { line: number; column: number } } }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A text past `MARKDOWN_LIMITS`: the processor was never run on it. */
export class MarkdownLimitError extends Error {
  constructor(readonly limit: MarkdownLimitExceeded) {
    super(`${limit.message} (line ${limit.place.line}, column ${limit.place.column})`);
    this.name = "MarkdownLimitError";
  }
}

/**
 * Parses and renders a body once; a text past `MARKDOWN_LIMITS` throws `MarkdownLimitError`
 * before the processor sees it. `transform` changes the tree after its facts are read and
 * before it becomes HTML: links it adds are the site's own, not the editor's to check.
 */
export function renderMarkdown(markdown: string, transform?: (tree: Root) => void): RenderedBody {
  const limit = checkMarkdownLimits(markdown);
  if (limit) throw new MarkdownLimitError(limit);
  const tree = processor.parse(markdown) as Root;
  const rawHtml: Place[] = [];
  const links: RenderedBody["links"] = [];
  let firstParagraph = "";
  visit(tree, (node) => {
    if (node.type === "html") rawHtml.push(placeOf(node));
    else if (node.type === "link")
      links.push({ url: node.url, place: placeOf(node), isImage: false });
    else if (node.type === "image") {
      links.push({ url: node.url, place: placeOf(node), isImage: true, alt: node.alt ?? "" });
    } else if (node.type === "paragraph" && firstParagraph === "") {
      firstParagraph = plainText(node, { includeHtml: false }).replace(/\s+/gu, " ").trim();
    }
  });
  transform?.(tree);
  const html = String(processor.stringify(processor.runSync(tree) as Root));
  return {
    html,
    firstParagraph,
    wordCount: countWords(plainText(tree, { includeHtml: false })),
    rawHtml,
    links,
  };
}
