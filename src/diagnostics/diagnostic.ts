/**
 * A problem found in content, as data: where it is, what it is, how to fix it.
 * `ruleId` values are permanent: editors and the guide refer to them.
 */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes: `content/articles/x.md`. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: "error" | "warning";
  ruleId: string;
  /** What happened, in the editor's words. */
  message: string;
  /** What to do about it, when there is something to do. */
  fix?: string;
}

export interface Place {
  line: number;
  column: number;
}

/** The place to report when a whole file is at fault. */
export const START_OF_FILE: Place = { line: 1, column: 1 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

/** Sorts by file, then position, so every run prints problems in the same order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
