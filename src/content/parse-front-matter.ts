import matter from "gray-matter";
import { type Diagnostic, START_OF_FILE } from "../diagnostics/diagnostic.ts";
import { type ParsedYaml, parseYamlDocument, type YamlResult } from "../yaml/parse-yaml.ts";

export interface FrontMatter extends ParsedYaml {
  /** The Markdown after the closing fence. */
  body: string;
  /** The file line on which `body` starts. */
  bodyStartLine: number;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter }
  | { ok: false; diagnostics: Diagnostic[] };

const FENCE = "---";

function refuseToRun(language: string): () => never {
  return () => {
    throw new Error(`front-matter language "${language}" is never executed`);
  };
}

/**
 * gray-matter runs `---js` front-matter through `eval` unless every engine but YAML is
 * replaced; these stand in for all of them. The fence check below refuses such files first.
 */
const SAFE_ENGINES = Object.fromEntries(
  ["js", "javascript", "json", "toml", "coffee", "coffeescript", "cson"].map((language) => [
    language,
    refuseToRun(language),
  ]),
);

function problem(
  file: string,
  ruleId: string,
  message: string,
  fix: string,
  place = START_OF_FILE,
): FrontMatterResult {
  return {
    ok: false,
    diagnostics: [{ file, ...place, severity: "error", ruleId, message, fix }],
  };
}

/**
 * The first later line that starts with `---`: gray-matter ends the front-matter there,
 * so it must be exactly `---` (`exact: false` reports a line like `---- ` or `--- end`).
 */
function closingFence(lines: readonly string[]): { line: number; exact: boolean } | undefined {
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.startsWith(FENCE)) return { line: index + 1, exact: line.trimEnd() === FENCE };
  }
  return undefined;
}

/**
 * Splits an article into YAML front-matter and Markdown body. `text` must already be
 * decoded; a byte-order mark and CRLF line endings are accepted.
 */
export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") {
    return problem(
      file,
      "empty-file",
      "the file is empty",
      "start it with front-matter between two `---` lines, then the article text",
    );
  }
  const lines = source.split("\n");
  const firstLine = lines[0]?.trimEnd() ?? "";
  if (firstLine !== FENCE) {
    if (firstLine.startsWith(FENCE)) {
      return problem(
        file,
        "front-matter-language",
        `front-matter must be YAML, but this file starts with "${firstLine.slice(0, 40)}"`,
        "make the first line exactly `---` and write the fields in YAML; other languages are never run",
      );
    }
    return problem(
      file,
      "missing-front-matter",
      "the file has no front-matter",
      "start it with a `---` line, the fields (title, date, company), and another `---` line",
    );
  }
  const fence = closingFence(lines);
  if (fence === undefined) {
    return problem(
      file,
      "unclosed-front-matter",
      "the front-matter is never closed",
      "add a line with exactly `---` after the last field, before the article text",
    );
  }
  if (!fence.exact) {
    return problem(
      file,
      "malformed-fence",
      "this line starts with `---`, which ends the front-matter, but has more on it",
      "make the line exactly `---`, or start it differently if it belongs to a field",
      { line: fence.line, column: 1 },
    );
  }
  const closingLine = fence.line;

  let result: YamlResult | undefined;
  const split = matter(source, {
    language: "yaml",
    engines: {
      ...SAFE_ENGINES,
      yaml: (yamlText: string) => {
        // The matter text starts right after the opening `---`, so its lines are the file's.
        result = parseYamlDocument(yamlText, file);
        return {};
      },
    },
  });
  // gray-matter skips the engine for a block that is empty or holds only comments.
  result ??= parseYamlDocument(split.matter, file);
  if (!result.ok) return result;
  return {
    ok: true,
    frontMatter: { ...result.yaml, body: split.content, bodyStartLine: closingLine + 1 },
  };
}
