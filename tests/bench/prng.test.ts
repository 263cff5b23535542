import { describe, expect, it } from "vitest";
import { createRandom, zipfSampler } from "../../bench/corpus/prng.ts";

describe("the seeded generator", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 100 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
    for (const value of draw(42)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("gives integers within both bounds", () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("picks Zipf-like: the first rank far more often than the last", () => {
    const random = createRandom(5);
    const pick = zipfSampler(30);
    const counts = new Array<number>(30).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const index = pick(random);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    const [first = 0, second = 0] = counts;
    expect(first).toBeGreaterThan(second);
    expect(first).toBeGreaterThan(10 * (counts[29] ?? 0));
  });
});
