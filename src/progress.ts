/** What a long build tells the person watching it; a CI log gets only the caller's summary. */
export interface BuildProgress {
  /** A new phase starts, e.g. "Reading content", "Rendering Markdown", "Writing pages". */
  phase(name: string): void;
  /** How far the current phase is: `done` of `total` items (articles, pages). */
  advance(done: number, total: number): void;
  /** The build ended: clears the live line, if any. */
  end(): void;
}

/** The part of a terminal stream progress needs: `process.stderr` is one. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width in characters. */
  readonly columns?: number;
}

export const silentProgress: BuildProgress = {
  phase() {},
  advance() {},
  end() {},
};

/** Redrawing more often than this only costs time: nobody reads ten updates a second. */
const MIN_REDRAW_MS = 100;

const RETURN_AND_CLEAR = "\r\x1b[K";

const counts = new Intl.NumberFormat("en-US");

function countText(done: number, total: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `${counts.format(done)} / ${counts.format(total)} (${percent} %)`;
}

/** Cut to the terminal's width: a line that wraps can no longer be rewritten in place. */
function fitted(text: string, columns: number | undefined): string {
  if (!columns) return text;
  // One column spare: some terminals wrap as soon as the last column is written.
  return [...text].slice(0, Math.max(columns - 1, 0)).join("");
}

/**
 * One line, rewritten in place, naming the phase and how far it is. `now` (milliseconds)
 * is injectable so tests control time; the build's clock starts when this is called.
 */
export function terminalProgress(
  stream: ProgressStream,
  now: () => number = Date.now,
): BuildProgress {
  const started = now();
  let phaseName = "";
  let lastDrawn: number | undefined;

  const draw = (text: string) => {
    lastDrawn = now();
    stream.write(`${RETURN_AND_CLEAR}${fitted(text, stream.columns)}`);
  };

  return {
    phase(name) {
      phaseName = name;
      draw(`${name}  ${Math.floor((now() - started) / 1000)} s`);
    },
    advance(done, total) {
      const finished = done >= total;
      if (!finished && lastDrawn !== undefined && now() - lastDrawn < MIN_REDRAW_MS) return;
      draw(`${phaseName}  ${countText(done, total)}`);
    },
    end() {
      if (lastDrawn !== undefined) stream.write(RETURN_AND_CLEAR);
      lastDrawn = undefined;
    },
  };
}

/**
 * A live line on an interactive terminal; nothing in CI, in a pipe or a file, or on a
 * terminal that cannot rewrite a line, where the caller's summary line is all there is.
 */
export function progressFor(stream: ProgressStream, environment: NodeJS.ProcessEnv): BuildProgress {
  const inCi = environment.CI !== undefined && environment.CI !== "" && environment.CI !== "false";
  // A dumb terminal prints the escape sequence that clears the line as text.
  const canRewrite = environment.TERM !== "dumb";
  return stream.isTTY && !inCi && canRewrite ? terminalProgress(stream) : silentProgress;
}
