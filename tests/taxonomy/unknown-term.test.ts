import { describe, expect, it } from "vitest";
import { likelyMeant, unknownTermDiagnostic } from "../../src/taxonomy/unknown-term.ts";

describe("likelyMeant", () => {
  it('takes "Cherry" for a typo of "Chery"', () => {
    expect(likelyMeant("Cherry", ["Chery", "Geely"])).toBe("Chery");
  });

  it('takes the Cyrillic "Чери" for a spelling of "Chery"', () => {
    expect(likelyMeant("Чери", ["Chery", "Geely"])).toBe("Chery");
  });

  it("never takes a short name for a typo of another, as GAZ and UAZ are two firms", () => {
    expect(likelyMeant("GAZ", ["UAZ"])).toBeUndefined();
  });

  it("never takes a model with another number for a typo: Tiggo 7 Pro is not Tiggo 4 Pro", () => {
    expect(likelyMeant("Tiggo 7 Pro", ["Tiggo 4 Pro"])).toBeUndefined();
  });

  it("still finds a typo in a model name with the same number", () => {
    expect(likelyMeant("Tigo 4 Pro", ["Tiggo 4 Pro", "Tiggo 7 Pro"])).toBe("Tiggo 4 Pro");
  });

  it("suggests nothing for a name unlike any known one", () => {
    expect(likelyMeant("Volkswagen", ["Chery", "Geely"])).toBeUndefined();
  });
});

describe("unknownTermDiagnostic", () => {
  it("says what is unknown, what was probably meant and how to settle it", () => {
    expect(
      unknownTermDiagnostic("company", "Cherry", "Chery", {
        file: "content/articles/chery-localization.md",
        line: 4,
        column: 10,
      }),
    ).toEqual({
      file: "content/articles/chery-localization.md",
      line: 4,
      column: 10,
      severity: "error",
      ruleId: "unknown-company",
      message: 'unknown company "Cherry" — did you mean "Chery"?',
      fix: 'write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company',
    });
  });
});
