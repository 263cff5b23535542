import { describe, expect, it } from "vitest";
import { likelyMeant, unknownTermDiagnostic } from "../../src/registry/unknown-term.ts";

type Kind = "company" | "model" | "partner";

/** Names written by mistake for a known one: a slip inside a word. Each must be refused. */
const TYPOS: ReadonlyArray<{ written: string; meant: string; kind: Kind }> = [
  { written: "Cherry", meant: "Chery", kind: "company" },
  { written: "Chrey", meant: "Chery", kind: "company" },
  { written: "Чери", meant: "Chery", kind: "company" },
  { written: "Hval", meant: "Haval", kind: "company" },
  { written: "Hvaal", meant: "Haval", kind: "company" },
  { written: "Havall", meant: "Haval", kind: "company" },
  { written: "Хавал", meant: "Haval", kind: "company" },
  { written: "Geeely", meant: "Geely", kind: "company" },
  { written: "Gelly", meant: "Geely", kind: "company" },
  { written: "Moskvitch", meant: "Moskvich", kind: "partner" },
  { written: "Moskvch", meant: "Moskvich", kind: "partner" },
  { written: "Volkswagon", meant: "Volkswagen", kind: "company" },
  { written: "Volksvagn", meant: "Volkswagen", kind: "company" },
  { written: "Mitsubsihi", meant: "Mitsubishi", kind: "company" },
  { written: "Dongfegn", meant: "Dongfeng", kind: "company" },
  { written: "Jetuor", meant: "Jetour", kind: "company" },
  { written: "Jaeco", meant: "Jaecoo", kind: "company" },
  { written: "Kamz", meant: "Kamaz", kind: "company" },
  { written: "Avtovas", meant: "Avtovaz", kind: "company" },
  { written: "Avto VAZ", meant: "AvtoVAZ", kind: "company" },
  { written: "Solers", meant: "Sollers", kind: "partner" },
  { written: "Sollres", meant: "Sollers", kind: "partner" },
  { written: "Ulyanovks Automobile Plant", meant: "Ulyanovsk Automobile Plant", kind: "partner" },
  { written: "Ulyanovsk Automobil Plant", meant: "Ulyanovsk Automobile Plant", kind: "partner" },
  { written: "Tigo 4 Pro", meant: "Tiggo 4 Pro", kind: "model" },
  { written: "Tigoo 8 Pro Max", meant: "Tiggo 8 Pro Max", kind: "model" },
  { written: "Tiggo 4Pro", meant: "Tiggo 4 Pro", kind: "model" },
  { written: "Coolary", meant: "Coolray", kind: "model" },
  { written: "Cool Ray", meant: "Coolray", kind: "model" },
  { written: "Coolray Flagshp", meant: "Coolray Flagship", kind: "model" },
  { written: "Joloin", meant: "Jolion", kind: "model" },
  { written: "Haval Jollion", meant: "Haval Jolion", kind: "model" },
  { written: "Arizzo 8", meant: "Arrizo 8", kind: "model" },
  { written: "Omdoa C5", meant: "Omoda C5", kind: "model" },
  { written: "Exed TXL", meant: "Exeed TXL", kind: "model" },
  { written: "Vetsa", meant: "Vesta", kind: "model" },
  { written: "Vesta Corss", meant: "Vesta Cross", kind: "model" },
  { written: "Monjarro", meant: "Monjaro", kind: "model" },
  { written: "Tugela", meant: "Tugella", kind: "model" },
  { written: "Drago", meant: "Dargo", kind: "model" },
];

/** Different companies, models and partners whose names resemble each other. None is a typo. */
const DISTINCT: ReadonlyArray<{ one: string; other: string; kind: Kind }> = [
  { one: "Tiggo 8 Pro", other: "Tiggo 8 Pro Max", kind: "model" },
  { one: "Tiggo 7 Pro", other: "Tiggo 7 Pro Max", kind: "model" },
  { one: "Tiggo 4 Pro", other: "Tiggo 7 Pro", kind: "model" },
  { one: "Tiggo 8", other: "Tiggo 8 Pro", kind: "model" },
  { one: "Haval Jolion", other: "Haval H6", kind: "model" },
  { one: "Haval H6", other: "Haval H9", kind: "model" },
  { one: "Haval H6", other: "Haval M6", kind: "model" },
  { one: "F7", other: "F7x", kind: "model" },
  { one: "Dargo", other: "Dargo X", kind: "model" },
  { one: "Coolray", other: "Coolray Flagship", kind: "model" },
  { one: "Atlas", other: "Atlas Pro", kind: "model" },
  { one: "Arrizo 8", other: "Arrizo 6", kind: "model" },
  { one: "Exeed TXL", other: "Exeed LX", kind: "model" },
  { one: "Exeed VX", other: "Exeed LX", kind: "model" },
  { one: "Exeed RX", other: "Exeed TXL", kind: "model" },
  { one: "Changan CS35", other: "Changan CS55", kind: "model" },
  { one: "CS35 Plus", other: "CS35", kind: "model" },
  { one: "Omoda C5", other: "Omoda S5", kind: "model" },
  { one: "Lada Vesta", other: "Lada Vesta Cross", kind: "model" },
  { one: "Lada Niva Legend", other: "Lada Niva Travel", kind: "model" },
  { one: "Lada Xray", other: "Lada Xray Cross", kind: "model" },
  { one: "Largus", other: "Largus Cross", kind: "model" },
  { one: "Jetour X70", other: "Jetour X70 Plus", kind: "model" },
  { one: "Shine", other: "Shine Max", kind: "model" },
  { one: "Moskvich 3", other: "Moskvich 3e", kind: "model" },
  { one: "Moskvich 3", other: "Moskvich 6", kind: "model" },
  { one: "Tenet T4", other: "Tenet T7", kind: "model" },
  { one: "Belgee X50", other: "Belgee X70", kind: "model" },
  { one: "Livan X3 Pro", other: "Livan X6 Pro", kind: "model" },
  { one: "Kamaz-5490", other: "Kamaz-54901", kind: "model" },
  { one: "Gazelle", other: "Gazelle Next", kind: "model" },
  { one: "Kaptur", other: "Captur", kind: "model" },
  { one: "Terrano", other: "Terra", kind: "model" },
  { one: "UAZ", other: "VAZ", kind: "partner" },
  { one: "UAZ", other: "GAZ", kind: "partner" },
  { one: "GAZ", other: "VAZ", kind: "partner" },
  { one: "BAW", other: "BMW", kind: "company" },
  { one: "FAW", other: "JAC", kind: "company" },
  { one: "GAC", other: "JAC", kind: "company" },
  { one: "Tula Automobile Plant", other: "Ulyanovsk Automobile Plant", kind: "partner" },
  { one: "Avtotor", other: "Avtovaz", kind: "partner" },
  { one: "Sollers", other: "Solaris", kind: "partner" },
  { one: "Haval", other: "Hafei", kind: "company" },
  { one: "Chery", other: "Chery Exeed", kind: "company" },
  { one: "Geely", other: "Geely Auto Russia", kind: "company" },
];

describe("the rule against a table of names from the car market", () => {
  it.each(TYPOS)("refuses the $kind $written as a typo of $meant", ({ written, meant }) => {
    expect(likelyMeant(written, ["Lada", meant], "entity")).toEqual({
      name: meant,
      severity: "error",
    });
  });

  it.each(DISTINCT)("lets the $kind $one and $other stand side by side", ({ one, other }) => {
    expect([likelyMeant(one, [other], "entity"), likelyMeant(other, [one], "entity")]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("catches every typo of the table and lets every distinct name pass", () => {
    const caught = TYPOS.filter(
      ({ written, meant }) => likelyMeant(written, [meant], "entity")?.name === meant,
    ).length;
    const passed = DISTINCT.filter(
      ({ one, other }) =>
        likelyMeant(one, [other], "entity") === undefined &&
        likelyMeant(other, [one], "entity") === undefined,
    ).length;
    console.info(
      `typos caught: ${caught} of ${TYPOS.length}; distinct names passed: ${passed} of ${DISTINCT.length}`,
    );
    expect({ caught, passed }).toEqual({ caught: TYPOS.length, passed: DISTINCT.length });
  });
});

describe("likelyMeant", () => {
  it("never suggests a name for itself, whatever its case, spacing or script", () => {
    expect(likelyMeant("ЧЕРИ", ["Чери"], "entity")).toBeUndefined();
  });

  it("suggests the closest of several near names", () => {
    expect(likelyMeant("Tigo 4 Pro", ["Tiggo 7 Pro", "Tiggo 4 Pro"], "entity")).toEqual({
      name: "Tiggo 4 Pro",
      severity: "error",
    });
  });

  it("suggests nothing for a name unlike any known one", () => {
    expect(likelyMeant("Volkswagen", ["Chery", "Geely"], "entity")).toBeUndefined();
  });

  /** Different people, or one person's misspelt surname: never reason to stop a build. */
  const PEOPLE = [
    { written: "Ivanova", known: "Ivanov" },
    { written: "Ivanov", known: "Ivanova" },
    { written: "Petrova", known: "Petrov" },
    { written: "Smirnov", known: "Smirnova" },
    { written: "Anna Ivanova", known: "Anna Ivanov" },
    { written: "Ivanvo", known: "Ivanov" },
  ];

  it.each(PEOPLE)("only points out $known to a person written $written", ({ written, known }) => {
    expect(likelyMeant(written, [known], "person")).toEqual({ name: known, severity: "warning" });
  });
});

describe("unknownTermDiagnostic", () => {
  it("says what is unknown, what was probably meant and how to settle it", () => {
    expect(
      unknownTermDiagnostic(
        "company",
        "Cherry",
        { name: "Chery", severity: "error" },
        { file: "content/articles/chery-localization.md", line: 4, column: 10 },
      ),
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
