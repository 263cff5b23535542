import type { Diagnostic } from "./diagnostic.ts";
import { formatReport } from "./format-diagnostics.ts";

/** Content that cannot be published: carries the editors' report, never a stack trace of ours. */
export class ContentError extends Error {
  override readonly name = "ContentError";

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The content has errors; nothing was published.\n${formatReport(diagnostics)}`);
  }
}
