import { describe, expect, it } from "vitest";
import { cached, onceEach } from "../src/cached.ts";

describe("cached", () => {
  it("answers a repeated question without computing it again", () => {
    let computed = 0;
    const label = cached((day: string, locale: string) => {
      computed++;
      return `${day} in ${locale}`;
    });
    expect(label("2022-06-01", "en")).toBe("2022-06-01 in en");
    expect(label("2022-06-01", "en")).toBe("2022-06-01 in en");
    expect(computed).toBe(1);
  });

  it("keeps the answers to different arguments apart", () => {
    const label = cached((day: string, locale: string) => `${day} in ${locale}`);
    expect(label("2022-06-01", "en")).toBe("2022-06-01 in en");
    expect(label("2022-06-01", "ru")).toBe("2022-06-01 in ru");
    expect(label("2022-06-0", "1en")).toBe("2022-06-0 in 1en");
  });

  it("remembers an answer that is undefined", () => {
    let computed = 0;
    const nothing = cached((_day: string) => {
      computed++;
      return undefined;
    });
    nothing("2022-06-01");
    nothing("2022-06-01");
    expect(computed).toBe(1);
  });
});

describe("onceEach", () => {
  it("computes the answer for one object once, and apart for an equal but other object", () => {
    let computed = 0;
    const titleOf = onceEach((article: { title: string }) => {
      computed++;
      return article.title.toUpperCase();
    });
    const article = { title: "Chery" };
    expect(titleOf(article)).toBe("CHERY");
    expect(titleOf(article)).toBe("CHERY");
    expect(computed).toBe(1);
    expect(titleOf({ title: "Chery" })).toBe("CHERY");
    expect(computed).toBe(2);
  });
});
