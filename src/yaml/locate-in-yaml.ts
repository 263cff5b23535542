import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { Place } from "../diagnostics/diagnostic.ts";

export type YamlPath = readonly PropertyKey[];

function placeOf(node: Node | null | undefined, lineCounter: LineCounter): Place | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The line and column of a key (`part: "key"`) or its value in the front-matter, found by
 * walking the YAML document along `path`. When the path does not exist (a missing field),
 * the place of its deepest existing parent is returned, or the opening fence.
 */
export function locateInYaml(
  document: Document,
  lineCounter: LineCounter,
  path: YamlPath,
  part: "key" | "value" = "value",
): Place {
  const fallback: Place = { line: 1, column: 1 };
  let current: unknown = document.contents;
  let best = placeOf(current as Node, lineCounter) ?? fallback;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(current)) {
      const pair = current.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return best;
      const keyPlace = placeOf(pair.key as Node, lineCounter);
      if (isLast && part === "key") return keyPlace ?? best;
      current = pair.value;
      best = placeOf(current as Node, lineCounter) ?? keyPlace ?? best;
    } else if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item === undefined) return best;
      current = item;
      best = placeOf(current as Node, lineCounter) ?? best;
    } else {
      return best;
    }
  }
  return best;
}
