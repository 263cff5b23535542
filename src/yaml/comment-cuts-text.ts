import { CST, type Document, type LineCounter, Parser, type Scalar, visit } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * Under the core schema these stay strings, but nothing is lost when a note follows them:
 * `date: 2022-06-01 # a Wednesday` still means the first of June, and `1_000` is a number
 * to a reader (and to YAML 1.1). `1,000,000` is not here: a headline may start with it.
 */
const DATE_SHAPED =
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;
const NUMBER_SHAPED = /^[-+]?\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?$/;

/** A comment only ends a flow item's text up to the `,`, `]` or `}` it swallowed. */
const FLOW_INDICATOR = /[,[\]{}]/;

function isText(value: unknown): value is string {
  return typeof value === "string" && !DATE_SHAPED.test(value) && !NUMBER_SHAPED.test(value);
}

/** The comment on the scalar's own line, when only spaces separate them. */
function commentRightAfter(tokens: readonly CST.SourceToken[]): CST.SourceToken | undefined {
  for (const token of tokens) {
    if (token.type === "space") continue;
    return token.type === "comment" ? token : undefined;
  }
  return undefined;
}

function plainScalarsByOffset(document: Document): Map<number, Scalar> {
  const scalars = new Map<number, Scalar>();
  visit(document, {
    Scalar(_, node) {
      if (node.type === "PLAIN" && node.range) scalars.set(node.range[0], node);
    },
  });
  return scalars;
}

interface Cut {
  scalar: CST.FlowScalar;
  gap: string;
  comment: CST.SourceToken;
  /** How the fix writes the quoted value: `title: "…"`, `- "…"` or just `"…"`. */
  lead: string;
  inFlow: boolean;
}

/** The cut when a plain scalar is followed, on its line, by nothing but spaces and a comment. */
function cutAfter(
  scalar: CST.FlowScalar,
  following: readonly CST.SourceToken[],
  lead: string,
  inFlow: boolean,
): Cut | undefined {
  const comment = commentRightAfter(following);
  if (!comment) return undefined;
  const gap = following
    .slice(0, following.indexOf(comment))
    .map((space) => space.source.replaceAll("\t", " "))
    .join("");
  return { scalar, gap, comment, lead, inFlow };
}

function findCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document") continue;
    CST.visit(token, ({ key, sep, value }, path) => {
      const parent = path.length > 0 ? CST.visit.parentCollection(token, path) : undefined;
      const inFlow = parent?.type === "flow-collection";
      // A key's comment can only come before its `:`, among the separator tokens.
      const keyCut =
        key?.type === "scalar" && cutAfter(key, [...(key.end ?? []), ...(sep ?? [])], "", inFlow);
      const lead =
        key?.type === "scalar" ? `${key.source}: ` : parent?.type === "block-seq" ? "- " : "";
      const valueCut = value?.type === "scalar" && cutAfter(value, value.end ?? [], lead, inFlow);
      for (const cut of [keyCut, valueCut]) if (cut) cuts.push(cut);
    });
  }
  return cuts;
}

/**
 * Plain text followed by ` # …` on the same line: YAML ends the value at the ` #` and drops
 * the rest as a comment, so `title: Chery #1 in Russia` would publish the headline "Chery".
 * The token stream is read for the comment's exact place, the document for what the value
 * resolved to, so numbers, dates, `true` and `null` with a note after them pass.
 */
export function commentsCuttingText(
  text: string,
  file: string,
  document: Document,
  lineCounter: LineCounter,
): Diagnostic[] {
  // Without a `#` there is no comment; most files are spared the second read.
  if (!text.includes("#")) return [];
  const cuts = findCuts(text);
  if (cuts.length === 0) return [];
  const scalars = plainScalarsByOffset(document);
  return cuts.flatMap(({ scalar, gap, comment, lead, inFlow }) => {
    const value = scalars.get(scalar.offset)?.value;
    if (!isText(value)) return [];
    const cutText = (inFlow ? comment.source.split(FLOW_INDICATOR)[0] : comment.source) ?? "";
    const dropped = cutText.trimEnd();
    const intended = `${value}${gap}${dropped}`;
    const { line, col } = lineCounter.linePos(comment.offset);
    return [
      {
        file,
        line,
        column: col,
        severity: "error",
        ruleId: "comment-cuts-text",
        message: `YAML reads "${dropped}" as a comment and leaves it out, so the value is cut to "${value}"`,
        fix: `put the value in quotes: \`${lead}${JSON.stringify(intended)}\`; if "${dropped}" is a note, put it on a line of its own`,
      },
    ];
  });
}
