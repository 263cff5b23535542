import type { InputsSeen } from "../build/build-inputs.ts";
import { DEFAULT_LOCK_WAIT_MS } from "../build/build-lock.ts";
import { DEFAULT_RENDER_CACHE } from "../markdown/render-cache.ts";

/**
 * The options of `npm run build` (`parseArgs`). `--inputs` and `--states` are the command's
 * own, for the process it runs again with a larger heap.
 */
export const BUILD_OPTIONS = {
  content: { type: "string", default: "content" },
  output: { type: "string", default: "_site" },
  cache: { type: "string", default: DEFAULT_RENDER_CACHE },
  wait: { type: "string", default: String(DEFAULT_LOCK_WAIT_MS / 1000) },
  inputs: { type: "string" },
  states: { type: "string" },
} as const;

/**
 * The arguments that hand what the command found over to the process it runs again. Each
 * value is joined to its option by `=`: a digest may begin with `-`, which `parseArgs`
 * refuses as the separate value of an option.
 */
export function handOverArguments(inputs: InputsSeen): string[] {
  return [`--inputs=${inputs.digest}`, `--states=${inputs.states}`];
}
