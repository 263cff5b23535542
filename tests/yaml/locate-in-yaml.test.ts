import { describe, expect, it } from "vitest";
import { placeIn, yamlPlaces } from "../../src/yaml/locate-in-yaml.ts";
import { parseYamlDocument } from "../../src/yaml/parse-yaml.ts";

/** Lines as in an article file: the YAML text starts right after the opening fence. */
const yaml = parseYamlDocument(
  [
    "",
    "title: Chery and UAZ discuss assembly",
    "company: [Chery, UAZ]",
    "partners:",
    "  - name: UAZ",
    "    status: in-talks",
  ].join("\n"),
  "content/articles/chery-uaz-assembly.md",
);
if (!yaml.ok) throw new Error("the fixture YAML is invalid");
const places = yamlPlaces(yaml.yaml.document, yaml.yaml.lineCounter);

describe("places in the front-matter", () => {
  it("finds a value", () => {
    expect(placeIn(places, ["title"])).toEqual({ line: 2, column: 8 });
  });

  it("finds a key", () => {
    expect(placeIn(places, ["company"], "key")).toEqual({ line: 3, column: 1 });
  });

  it("finds an item of a flow list", () => {
    expect(placeIn(places, ["company", 1])).toEqual({ line: 3, column: 18 });
  });

  it("finds a field of a list entry", () => {
    expect(placeIn(places, ["partners", 0, "status"])).toEqual({
      line: 6,
      column: 13,
    });
  });

  it("falls back to the deepest existing parent for a missing field", () => {
    expect(placeIn(places, ["partners", 0, "since"])).toEqual({
      line: 5,
      column: 5,
    });
  });

  it("falls back to the first field for a missing top-level field", () => {
    expect(placeIn(places, ["date"], "key")).toEqual({ line: 2, column: 1 });
  });
});
