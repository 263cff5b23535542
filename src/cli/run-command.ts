import { ContentError } from "../content-error.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";

/**
 * Runs a command's body and exits with its status. Content problems print as the editors'
 * report; anything else is a bug of ours and says so, with its stack.
 */
export async function runCommand(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(formatReport(error.diagnostics));
    } else {
      console.error("Internal error in news-digest (not a problem with your content):");
      console.error(error);
    }
    process.exitCode = 1;
  }
}
