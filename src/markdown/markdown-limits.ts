import type { Place } from "../diagnostics/diagnostic.ts";

/**
 * How much Markdown the processor is given. remark's parser and the tree walkers after it
 * recurse once per nesting level and spend time growing faster than the text on nested
 * containers and on many emphasis marks in one paragraph: past these limits a body would
 * overflow the stack or render for minutes. Each is far above what a news article needs.
 */
export const MARKDOWN_LIMITS = {
  /** Characters in one text: about 1.5 million words, above the five-megabyte article the site publishes. */
  characters: 10_000_000,
  /** Block quotes and list items inside one another. */
  nesting: 32,
  /** Block quotes and list items in one text. */
  containers: 10_000,
  /** Emphasis, strike-through, link and code marks (`*` `_` `~` `[` `]` `` ` ``) in one paragraph. */
  marksPerParagraph: 1_000,
} as const;

export type MarkdownLimitRule = "body-too-large" | "body-too-deep" | "body-too-complex";

/** Where a text first goes past a limit, and what to tell its author. Lines are the text's own. */
export interface MarkdownLimitExceeded {
  ruleId: MarkdownLimitRule;
  place: Place;
  message: string;
  fix: string;
}

type Container = { kind: "quote" } | { kind: "item"; contentColumn: number };

const MARKS = new Set(["*", "_", "~", "[", "]", "`"]);

function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Reads one line from `index`, counting columns as CommonMark does (tabs to the next 4). */
class LineCursor {
  index = 0;
  column = 0;
  constructor(readonly text: string) {}

  char(): string {
    return this.text[this.index] ?? "";
  }

  advance(): void {
    this.column = this.char() === "\t" ? this.column + 4 - (this.column % 4) : this.column + 1;
    this.index++;
  }

  /** Skips spaces and tabs up to `column`, or fewer; true when `column` was reached. */
  skipSpacesTo(column: number): boolean {
    while (this.column < column && (this.char() === " " || this.char() === "\t")) this.advance();
    return this.column >= column;
  }

  /** The column the next non-space character is at, without moving. */
  nextTextColumn(): number {
    const { index, column } = this;
    while (this.char() === " " || this.char() === "\t") this.advance();
    const found = this.column;
    this.index = index;
    this.column = column;
    return found;
  }
}

/** Whether the rest of the line is a thematic break (`- - -`, `***`): such a line opens no list. */
function isThematicBreak(rest: string): boolean {
  const marker = rest.trimStart()[0];
  if (marker !== "-" && marker !== "*" && marker !== "_") return false;
  let count = 0;
  for (const char of rest) {
    if (char === marker) count++;
    else if (char !== " " && char !== "\t") return false;
  }
  return count >= 3;
}

/** The width of a list marker at the cursor (`-`, `+`, `*`, `1.`, `12)`), or 0. */
function listMarkerWidth(line: string, index: number): number {
  const char = line[index];
  let end = index;
  if (char === "-" || char === "+" || char === "*") end = index + 1;
  else {
    while (end - index < 9 && /[0-9]/u.test(line[end] ?? "")) end++;
    if (end === index || (line[end] !== "." && line[end] !== ")")) return 0;
    end++;
  }
  const after = line[end];
  return after === undefined || after === " " || after === "\t" ? end - index : 0;
}

/** Whether the cursor still holds an open container's prefix on this line; if not, it stays. */
function continues(container: Container, cursor: LineCursor, blank: boolean): boolean {
  const { index, column } = cursor;
  if (container.kind === "item") {
    if (blank || cursor.skipSpacesTo(container.contentColumn)) return true;
  } else {
    cursor.skipSpacesTo(column + 3);
    if (cursor.char() === ">") {
      cursor.advance();
      if (cursor.char() === " " || cursor.char() === "\t") cursor.advance();
      return true;
    }
  }
  cursor.index = index;
  cursor.column = column;
  return false;
}

/**
 * Opens the block quotes and list items that start at the cursor, one after the other
 * (`> - > text`), and reports each with its place. Stops at indented code and at a
 * thematic break, which open none.
 */
function openContainers(
  cursor: LineCursor,
  onOpen: (container: Container, index: number) => boolean,
): void {
  for (;;) {
    const start = cursor.column;
    if (cursor.nextTextColumn() - start > 3) return;
    cursor.skipSpacesTo(start + 3);
    const markerIndex = cursor.index;
    if (cursor.char() === ">") {
      cursor.advance();
      if (cursor.char() === " " || cursor.char() === "\t") cursor.advance();
      if (!onOpen({ kind: "quote" }, markerIndex)) return;
      continue;
    }
    const width = listMarkerWidth(cursor.text, cursor.index);
    if (width === 0) return;
    // Only a line's last markers can be a thematic break, so this runs once per line.
    if (cursor.text[cursor.index] !== "+" && isThematicBreak(cursor.text.slice(cursor.index))) {
      return;
    }
    for (let step = 0; step < width; step++) cursor.advance();
    const afterMarker = cursor.column;
    const textColumn = cursor.nextTextColumn();
    const atEnd = cursor.text.slice(cursor.index).trim() === "";
    const contentColumn = atEnd || textColumn - afterMarker > 4 ? afterMarker + 1 : textColumn;
    cursor.skipSpacesTo(contentColumn);
    if (!onOpen({ kind: "item", contentColumn }, markerIndex)) return;
  }
}

/** The character count of `text`'s lines up to `index`, as a 1-based place. */
function placeOfIndex(text: string, index: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < index; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * A code fence opens with three or more backticks or tildes; after backticks, no backtick
 * may follow on the line (CommonMark 4.5): "``` `" is text, and what follows it is counted.
 */
const fenceOpening = /^ {0,3}(?:(`{3,})(?!.*`)|(~{3,}))/u;

/** A line that can close a fence: its marker, at most three spaces in, nothing after it. */
const fenceClosing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u;

/**
 * Whether `line` closes a fence opened with `marker` (CommonMark 4.5): the same character,
 * at least as many, indented at most three spaces, followed by nothing but spaces and tabs.
 */
function closesFence(line: string, marker: string): boolean {
  const closing = fenceClosing.exec(line)?.[1];
  return closing !== undefined && closing[0] === marker[0] && closing.length >= marker.length;
}

/**
 * Whether `markdown` is within `MARKDOWN_LIMITS`, and where it first goes past one. One pass
 * over the text, its work bounded by the text's length and the nesting limit, so it is
 * safe on any input; it follows CommonMark's container rules closely enough never to
 * count a container that is not there (fenced code, thematic breaks, indented code).
 */
export function checkMarkdownLimits(markdown: string): MarkdownLimitExceeded | undefined {
  if (markdown.length > MARKDOWN_LIMITS.characters) {
    return {
      ruleId: "body-too-large",
      place: placeOfIndex(markdown, MARKDOWN_LIMITS.characters),
      message: `the text is longer than ${MARKDOWN_LIMITS.characters.toLocaleString("en")} characters; it goes past that here`,
      fix: "split it into several articles",
    };
  }
  const lines = markdown.split(/\r\n|\r|\n/u);
  const open: Container[] = [];
  let containers = 0;
  let marks = 0;
  let fence: { marker: string; depth: number } | undefined;
  for (const [lineIndex, line] of lines.entries()) {
    const lineNumber = lineIndex + 1;
    const blank = isBlank(line);
    const cursor = new LineCursor(line);
    let matched = 0;
    while (matched < open.length && continues(open[matched] as Container, cursor, blank)) {
      matched++;
    }
    if (fence) {
      if (matched >= fence.depth) {
        if (closesFence(line.slice(cursor.index), fence.marker)) fence = undefined;
        continue;
      }
      // A container the code was in has ended, and the code with it.
      fence = undefined;
    }
    if (blank) {
      open.length = matched;
      marks = 0;
      continue;
    }
    let exceeded: MarkdownLimitExceeded | undefined;
    let opened = false;
    openContainers(cursor, (container, index) => {
      if (!opened) open.length = matched;
      opened = true;
      open.push(container);
      containers++;
      const place = { line: lineNumber, column: index + 1 };
      if (open.length > MARKDOWN_LIMITS.nesting) {
        exceeded = {
          ruleId: "body-too-deep",
          place,
          message: `block quotes and lists are nested more than ${MARKDOWN_LIMITS.nesting} deep here`,
          fix: "nest quotes (`>`) and lists (`-`, `1.`) only a few levels deep",
        };
      } else if (containers > MARKDOWN_LIMITS.containers) {
        exceeded = {
          ruleId: "body-too-complex",
          place,
          message: `the text has more than ${MARKDOWN_LIMITS.containers.toLocaleString("en")} block quotes and list items, the last here`,
          fix: "split it into several articles, or write some lists as paragraphs",
        };
      }
      return exceeded === undefined;
    });
    if (exceeded) return exceeded;
    const rest = line.slice(cursor.index);
    const opening = fenceOpening.exec(rest);
    if (opening) {
      fence = { marker: (opening[1] ?? opening[2]) as string, depth: open.length };
      continue;
    }
    for (let index = cursor.index; index < line.length; index++) {
      if (line[index] === "\\") {
        index++;
        continue;
      }
      if (!MARKS.has(line[index] as string)) continue;
      if (++marks > MARKDOWN_LIMITS.marksPerParagraph) {
        return {
          ruleId: "body-too-complex",
          place: { line: lineNumber, column: index + 1 },
          message: `this paragraph has more than ${MARKDOWN_LIMITS.marksPerParagraph.toLocaleString("en")} emphasis, link and code marks (* _ ~ [ ] \`)`,
          fix: "split the paragraph, or write the marks as \\* \\_ when they are meant as text",
        };
      }
    }
  }
  return undefined;
}
