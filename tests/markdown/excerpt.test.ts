import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, excerpt } from "../../src/markdown/excerpt.ts";

const paragraph =
  "The Chinese company Chery is pushing ahead with localizing car assembly in Russia, and talks with several manufacturers are under way, including UAZ, Moskvich and the Avtotor plant in Kaliningrad, where Chery crossovers were assembled before.";

describe("short text", () => {
  it("is kept whole", () => {
    expect(excerpt("Chery opens a parts warehouse near Moscow.")).toBe(
      "Chery opens a parts warehouse near Moscow.",
    );
  });

  it("has its whitespace folded", () => {
    expect(excerpt("  Chery\n opens\ta warehouse. ")).toBe("Chery opens a warehouse.");
  });
});

describe("long text", () => {
  it("is cut at a word boundary with an ellipsis", () => {
    expect(excerpt(paragraph, 60)).toBe(
      "The Chinese company Chery is pushing ahead with localizing…",
    );
  });

  it("loses trailing punctuation before the ellipsis", () => {
    expect(excerpt(paragraph, 88)).toBe(
      "The Chinese company Chery is pushing ahead with localizing car assembly in Russia, and…",
    );
  });

  it("is at most the default length", () => {
    expect(excerpt(paragraph).length).toBeLessThanOrEqual(EXCERPT_LENGTH);
  });

  it("ends with an ellipsis at the default length", () => {
    expect(excerpt(paragraph).endsWith("…")).toBe(true);
  });

  it("is cut inside a word that fills most of the limit", () => {
    expect(excerpt("Автомобилестроительный завод", 12)).toBe("Автомобилес…");
  });
});
