import path from "node:path";
import { parseArgs } from "node:util";
import { BuildRunningError, type LockHolder } from "../build/build-lock.ts";
import type { BuildOptions, BuildResult } from "../build/build-options.ts";
import { frontMatterCacheBeside } from "../content/front-matter-cache-file.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import { progressFor } from "../progress.ts";
import { BUILD_OPTIONS, handOverArguments } from "./build-arguments.ts";
import { buildSummary } from "./build-summary.ts";
import { heapFor, runAgainWithHeap } from "./heap-for-site.ts";
import { runCommand } from "./run-command.ts";

/** A lock's start time as the person at this computer reads a clock: `2026-12-01 18:40:12`. */
function localTime(iso: string): string {
  const time = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())} ${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
}

/** A path as typed from here when it is below here, else in full. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

const holderOf = (holder: LockHolder) => `pid ${holder.pid}, since ${localTime(holder.started)}`;

await runCommand(async () => {
  /**
   * `npm run build -- --content <folder> --output <folder> --cache <file> --wait <seconds>`:
   * other places, and how long to wait for another build of the same output (`BUILD_OPTIONS`).
   */
  const { values } = parseArgs({ options: BUILD_OPTIONS });
  const waitSeconds = Number(values.wait);
  if (values.wait.trim() === "" || !Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error(
      `--wait ${values.wait}: give the seconds to wait for another build, such as 180.`,
    );
    return 1;
  }
  // Loaded after the arguments are checked: a usage error needs none of it.
  const { buildSite, buildSiteHere } = await import("../build/build-site.ts");
  const started = performance.now();
  const progress = progressFor(process.stderr, process.env);
  const options: BuildOptions = {
    contentDir: values.content,
    outputDir: values.output,
    renderCacheFile: values.cache,
    frontMatterCacheFile: frontMatterCacheBeside(values.cache),
    // The record of written pages lives beside the render cache, outside the output.
    pageRecordDir: path.dirname(values.cache),
    searchCacheDir: path.join(path.dirname(values.cache), "search"),
    progress,
    lock: {
      waitMs: waitSeconds * 1000,
      onWait: (holder) =>
        console.error(
          `Another build of ${values.output}/ is running (${holderOf(holder)}); waiting up to ${waitSeconds} s for it to finish.`,
        ),
    },
  };
  const stoppedByAnotherBuild = (error: unknown): undefined => {
    if (!(error instanceof BuildRunningError)) throw error;
    console.error(
      `Another build of ${values.output}/ is still running (${holderOf(error.holder)}), so this one stopped without writing anything; ${values.output}/ is unchanged. Run \`npm run build\` again once it has finished. If no build is running, delete ${shown(error.lockFile)}.`,
    );
    return undefined;
  };
  let result: BuildResult | undefined;
  if (values.inputs === undefined) {
    // Nothing changed is told from here, and a build that keeps most pages runs here too:
    // running again costs a Node start-up, worth paying only to hold a build that writes
    // every page to a heap sized to the site, or to give a very large site more (heap-for-site.ts).
    let heap: number | undefined;
    const outcome = await buildSiteHere(options, (change) => {
      heap = heapFor(values.content, !change.keepsPages);
      return heap === undefined;
    })
      .catch(stoppedByAnotherBuild)
      .finally(() => progress.end());
    if (outcome !== undefined && "change" in outcome) {
      if (heap === undefined) throw new Error("Internal error: a build handed over with no heap");
      const { inputs } = outcome.change;
      return runAgainWithHeap(heap, inputs === undefined ? [] : handOverArguments(inputs));
    }
    result = outcome;
  } else {
    // The process the command ran again: the first one found what changed.
    const knownInputs = { digest: values.inputs, states: values.states ?? "" };
    result = await buildSite({ ...options, knownInputs })
      .catch(stoppedByAnotherBuild)
      .finally(() => progress.end());
  }
  if (result === undefined) return 1;
  if (result.diagnostics.length > 0) console.error(formatReport(result.diagnostics));
  if (!result.ok) {
    console.error(`The build stopped before writing anything; ${values.output}/ is unchanged.`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(buildSummary(result, values.output, seconds));
  return 0;
});
