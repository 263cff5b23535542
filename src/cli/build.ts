import { buildSite } from "../build/build-site.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { runCommand } from "./run-command.ts";

await runCommand(async () => {
  const started = performance.now();
  const result = await buildSite({ contentDir: "content", outputDir: "_site" });
  if (result.diagnostics.length > 0) console.error(formatReport(result.diagnostics));
  if (!result.ok) {
    console.error("The build stopped before writing anything; _site/ is unchanged.");
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${result.pageCount} pages into _site/ in ${seconds} s.`);
  return 0;
});
