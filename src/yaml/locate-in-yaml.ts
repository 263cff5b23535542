import { type Document, isMap, isScalar, isSeq, type LineCounter } from "yaml";
import { type Place, START_OF_FILE } from "../diagnostics/diagnostic.ts";

export type YamlPath = readonly PropertyKey[];

/**
 * Where each node of a YAML document is written, as plain data: what messages about the
 * front-matter are placed by, kept without the document so that it can be cached.
 */
export interface YamlPlaces {
  /** Absent for a node the parser gives no position, such as a missing value. */
  at?: Place;
  /** A mapping's pairs with a scalar key, in order: the key as text, its place, its value. */
  pairs?: [key: string, keyAt: Place | null, value: YamlPlaces][];
  /** A sequence's items; an alias has neither, as the walk does not follow it. */
  items?: YamlPlaces[];
}

function placeOf(node: unknown, lineCounter: LineCounter): Place | undefined {
  const offset = (node as { range?: readonly number[] } | null | undefined)?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function placesOfNode(node: unknown, lineCounter: LineCounter): YamlPlaces {
  const at = placeOf(node, lineCounter);
  const places: YamlPlaces = at ? { at } : {};
  if (isMap(node)) {
    places.pairs = node.items.flatMap((pair) =>
      isScalar(pair.key)
        ? [
            [
              String(pair.key.value),
              placeOf(pair.key, lineCounter) ?? null,
              placesOfNode(pair.value, lineCounter),
            ] as [string, Place | null, YamlPlaces],
          ]
        : [],
    );
  } else if (isSeq(node)) {
    places.items = node.items.map((item) => placesOfNode(item, lineCounter));
  }
  return places;
}

/** The places of every key and value of `document`, read once for all the lookups of a file. */
export function yamlPlaces(document: Document, lineCounter: LineCounter): YamlPlaces {
  return placesOfNode(document.contents, lineCounter);
}

/**
 * Whether a top-level field is written as a list. An alias to a list counts as none: every
 * place below an alias is the alias's own, so paths built either way lead to one place.
 */
export function isWrittenAsList(places: YamlPlaces, field: string): boolean {
  return places.pairs?.find(([key]) => key === field)?.[2].items !== undefined;
}

/**
 * The line and column of a key (`part: "key"`) or its value in the front-matter, found by
 * walking the document's places along `path`. When the path does not exist (a missing
 * field), the place of its deepest existing parent is returned, or the opening fence.
 */
export function placeIn(
  places: YamlPlaces,
  path: YamlPath,
  part: "key" | "value" = "value",
): Place {
  let current = places;
  let best = places.at ?? START_OF_FILE;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (current.pairs) {
      const pair = current.pairs.find(([key]) => key === String(segment));
      if (!pair) return best;
      const [, keyAt, value] = pair;
      if (isLast && part === "key") return keyAt ?? best;
      current = value;
      best = value.at ?? keyAt ?? best;
    } else if (current.items && typeof segment === "number") {
      const item = current.items[segment];
      if (item === undefined) return best;
      current = item;
      best = item.at ?? best;
    } else {
      return best;
    }
  }
  return best;
}
