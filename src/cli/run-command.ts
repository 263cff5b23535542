import { ContentError } from "../diagnostics/content-error.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { BodyMissingError } from "../markdown/body-store.ts";

/** Node's `parseArgs` rejects unknown or malformed options with these codes. */
function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

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
    } else if (error instanceof BodyMissingError) {
      // Not a bug: another command changed the cache under this one; running again mends it.
      console.error(`news-digest: ${error.message}`);
    } else if (isUsageError(error)) {
      console.error(`${error.message}\nSee the README for the commands and their options.`);
    } else {
      console.error("Internal error in news-digest (not a problem with your content):");
      console.error(error);
    }
    process.exitCode = 1;
  }
}
