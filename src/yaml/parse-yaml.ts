import { type Document, LineCounter, parseDocument, type YAMLError } from "yaml";
import { type Diagnostic, START_OF_FILE } from "../diagnostics/diagnostic.ts";
import { commentsCuttingText } from "./comment-cuts-text.ts";

export interface ParsedYaml {
  /** The document as plain data, not yet validated. */
  data: unknown;
  /** Kept for the exact line and column of every key and value. */
  document: Document;
  lineCounter: LineCounter;
}

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; diagnostics: Diagnostic[] };

/** Aliases beyond this many are an attack (a "billion laughs" file), not content. */
const MAX_ALIAS_COUNT = 100;

function firstLineOf(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

function syntaxProblem(file: string): (error: YAMLError) => Diagnostic {
  return (error) => ({
    file,
    line: error.linePos?.[0]?.line ?? 1,
    column: error.linePos?.[0]?.col ?? 1,
    severity: "error",
    ruleId: "yaml-syntax",
    message: `this is not valid YAML: ${firstLineOf(error.message)}`,
    fix: "check the indentation and quoting on this line; put text containing `: ` or ` #` in quotes",
  });
}

/**
 * Parses YAML with the core schema, so dates stay text (`2022-02-30` is not quietly
 * turned into 2 March) and keys must be unique. Lines are counted from the text's start.
 * Plain text cut short by a ` #` comment is refused, like a syntax error.
 */
export function parseYamlDocument(text: string, file: string): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    schema: "core",
    uniqueKeys: true,
    prettyErrors: true,
  });
  // A comment that swallowed `, Arrizo 8]` also breaks the syntax: the cut says why.
  const cuts = commentsCuttingText(text, file, document, lineCounter);
  if (document.errors.length > 0) {
    return { ok: false, diagnostics: [...cuts, ...document.errors.map(syntaxProblem(file))] };
  }
  if (cuts.length > 0) return { ok: false, diagnostics: cuts };
  try {
    return {
      ok: true,
      yaml: { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), document, lineCounter },
    };
  } catch {
    return {
      ok: false,
      diagnostics: [
        {
          file,
          ...START_OF_FILE,
          severity: "error",
          ruleId: "yaml-alias-limit",
          message: "the YAML repeats aliases (`*name`) too many times",
          fix: "write the values out instead of using `&anchors` and `*aliases`",
        },
      ],
    };
  }
}
