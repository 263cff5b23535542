import { type Diagnostic, sortDiagnostics } from "./diagnostic.ts";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One line per problem: `content/articles/x.md:4:10  error  unknown company "Cherry" — did you mean "Chery"?`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const fix = diagnostic.fix ? ` — ${diagnostic.fix}` : "";
  return `${where}  ${diagnostic.severity}  ${diagnostic.message}${fix}  (${diagnostic.ruleId})`;
}

/** `2 errors, 1 warning`; `no problems` when there is nothing to say. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return "no problems";
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** The report printed by `check` and `build`: problems in file order, then the count. */
export function formatReport(diagnostics: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
  return [...lines, summarizeDiagnostics(diagnostics)].join("\n");
}

function escapeAnnotationData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** GitHub Actions workflow commands, so problems show on the pull request's diff. */
export function formatGithubAnnotation(diagnostic: Diagnostic): string {
  const fix = diagnostic.fix ? ` — ${diagnostic.fix}` : "";
  const properties = [
    `file=${escapeAnnotationProperty(diagnostic.file)}`,
    `line=${diagnostic.line}`,
    `col=${diagnostic.column}`,
    `title=${escapeAnnotationProperty(diagnostic.ruleId)}`,
  ].join(",");
  return `::${diagnostic.severity} ${properties}::${escapeAnnotationData(diagnostic.message + fix)}`;
}
