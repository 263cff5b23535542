import { describe, expect, it } from "vitest";
import { cleanTermName, slugifyText, termSlug } from "../../src/registry/normalize-term.ts";
import { isSafeSlug } from "../../src/urls.ts";

describe("one company however it is written", () => {
  it.each(["CHERY", " Chery ", "Chery\u00a0", "chery"])("gives %j the slug chery", (name) => {
    expect(termSlug(name)).toBe("chery");
  });

  it("gives the NFC and NFD forms of Škoda one slug", () => {
    expect([termSlug("Škoda".normalize("NFC")), termSlug("Škoda".normalize("NFD"))]).toEqual([
      "skoda",
      "skoda",
    ]);
  });

  it("ignores letter case entirely, so AvtoVAZ and AVTOVAZ meet", () => {
    expect([termSlug("AvtoVAZ"), termSlug("AVTOVAZ")]).toEqual(["avtovaz", "avtovaz"]);
  });
});

describe("Cyrillic names", () => {
  it("transliterates Москвич to the slug of Moskvich", () => {
    expect([termSlug("Москвич"), termSlug("Moskvich")]).toEqual(["moskvich", "moskvich"]);
  });

  it("transliterates КАМАЗ to kamaz", () => {
    expect(termSlug("КАМАЗ")).toBe("kamaz");
  });
});

describe("names the transliterator does not know", () => {
  it("gives 奇瑞 a code-point slug", () => {
    expect(termSlug("奇瑞")).toBe("u-5947-745e");
  });

  it("gives 奇瑞 a slug that is a safe URL segment", () => {
    expect(isSafeSlug(termSlug("奇瑞") ?? "")).toBe(true);
  });
});

describe("names without a letter or digit", () => {
  it.each(["!!!", "🚗", "🚗 🚙", "   "])("gives %j no slug", (name) => {
    expect(termSlug(name)).toBeUndefined();
  });
});

describe("display names", () => {
  it("folds no-break and thin spaces and trims", () => {
    expect(cleanTermName(" Tiggo\u00a04\u2009Pro ")).toBe("Tiggo 4 Pro");
  });

  it("composes a decomposed Škoda", () => {
    expect(cleanTermName("Škoda".normalize("NFD"))).toBe("Škoda".normalize("NFC"));
  });
});

describe("slugs of any text", () => {
  it("turns a headline into an article slug", () => {
    expect(slugifyText("Chery starts assembly in Russia!")).toBe("chery-starts-assembly-in-russia");
  });

  it("turns punctuation only into an empty slug", () => {
    expect(slugifyText("?!")).toBe("");
  });

  it("keeps a file name that is already a slug as it is", () => {
    expect(slugifyText("chery-tiggo-4-pro-2022")).toBe("chery-tiggo-4-pro-2022");
  });
});

describe("every slug", () => {
  it.each([
    "../etc/passwd",
    "C:\\Windows",
    "%2e%2e",
    "Mercedes-Benz",
    "Citroën",
    "Haval H9 (2022)",
    "ГАЗель NEXT",
    "Ё-мобиль",
    "Tiggo_4",
    "奇瑞 Tiggo",
    "Lada   Niva\tTravel",
  ])("is a safe URL segment for %j", (name) => {
    expect(isSafeSlug(termSlug(name) ?? "")).toBe(true);
  });

  it("is the same on every run for 奇瑞", () => {
    expect(new Set([termSlug("奇瑞"), termSlug("奇瑞"), termSlug(" 奇瑞 ")]).size).toBe(1);
  });
});
