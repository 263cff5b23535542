import { describe, expect, it } from "vitest";
import { closestMatch, typingDistance } from "../src/suggest.ts";

describe("likely typos", () => {
  it("finds Chery for Cherry", () => {
    expect(closestMatch("Cherry", ["Geely", "Chery", "Haval"])).toBe("Chery");
  });

  it("finds company for compnay", () => {
    expect(closestMatch("compnay", ["title", "date", "company", "models"])).toBe("company");
  });

  it("prefers the closest of two near candidates", () => {
    expect(closestMatch("Tigo 4 Pro", ["Tiggo 7 Pro", "Tiggo 4 Pro"])).toBe("Tiggo 4 Pro");
  });
});

describe("no suggestion", () => {
  it("finds nothing for Lada among Chery", () => {
    expect(closestMatch("Lada", ["Chery"])).toBeUndefined();
  });

  it("does not suggest the same name in another case", () => {
    expect(closestMatch("CHERY", ["Chery"])).toBeUndefined();
  });

  it("finds nothing among no candidates", () => {
    expect(closestMatch("Chery", [])).toBeUndefined();
  });
});

it("compares with the normalization given", () => {
  const bySlug = (name: string) => name.toLowerCase().replaceAll(" ", "-");
  expect(closestMatch("tiggo 4-pro", ["Tiggo-4 Pro"], bySlug)).toBeUndefined();
});

describe("typingDistance", () => {
  it.each([
    ["chery", "chery", 0],
    ["cherry", "chery", 1],
    ["hval", "haval", 1],
    ["gelly", "geely", 1],
    ["hvaal", "haval", 1],
    ["compnay", "company", 1],
    ["volksvagn", "volkswagen", 2],
    ["avtotor", "avtovaz", 3],
    ["", "uaz", 3],
    ["москвич", "москвичь", 1],
  ] as const)("turns %s into %s in %i slips, either way", (from, to, slips) => {
    expect([typingDistance(from, to), typingDistance(to, from)]).toEqual([slips, slips]);
  });
});
