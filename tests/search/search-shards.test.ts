import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlDigest } from "../../src/markdown/body-store.ts";
import type { SearchRecord } from "../../src/search/search-records.ts";
import { MAX_SHARDS, planShards, shardCount } from "../../src/search/search-shards.ts";

const record = (
  slug: string,
  text = `${slug} assembles cars in Kaluga.`,
  { headline = slug, tag = "Chery" } = {},
): SearchRecord => {
  const digest = htmlDigest(`<p>${text}</p>`);
  return {
    url: `/articles/${slug}/`,
    head: `<html lang="en"><body><h1 data-pagefind-meta="title">${headline}</h1>`,
    body: { key: `render-key-of-${digest}`, digest },
    tail: `<p data-pagefind-weight="10">${tag}</p></body></html>`,
  };
};

const corpus = (count: number) =>
  Array.from({ length: count }, (_, index) => record(`chery-news-${index}`));

const shardOfEach = (records: readonly SearchRecord[], perShard: number) =>
  new Map(
    planShards(records, "pagefind 1", perShard).flatMap((shard) =>
      shard.records.map((each) => [each.url, shard.name] as const),
    ),
  );

describe("shardCount", () => {
  it.each([
    { records: 0, shards: 1 },
    { records: 2000, shards: 1 },
    { records: 2001, shards: 2 },
    { records: 10_000, shards: 8 },
    { records: 40_000, shards: 32 },
    { records: 100_000, shards: MAX_SHARDS },
  ])("gives $records records $shards shards of about 2,000", ({ records, shards }) => {
    expect(shardCount(records)).toBe(shards);
  });
});

describe("planShards", () => {
  it("puts every record in exactly one shard", () => {
    const records = corpus(100);
    const shards = planShards(records, "pagefind 1", 10);
    expect(shards.flatMap((shard) => shard.records.map((each) => each.url)).sort()).toEqual(
      records.map((each) => each.url).sort(),
    );
  });

  it("keeps a record in its shard whatever the other records are", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 2, maxLength: 60 }),
        (slugs) => {
          const all = slugs.map((slug) => record(slug));
          // Same shard count (16 shards of 4 up to 64 records), one record fewer.
          const before = shardOfEach(all, 4);
          const after = shardOfEach(all.slice(1), 4);
          if (shardCount(all.length, 4) !== shardCount(all.length - 1, 4)) return;
          for (const [url, shard] of after) expect(before.get(url)).toBe(shard);
        },
      ),
    );
  });

  const keysOf = (records: readonly SearchRecord[], version = "pagefind 1") =>
    planShards(records, version, 20).map((shard) => shard.key);
  const changedShards = (before: string[], after: string[]) =>
    before.filter((key, index) => after[index] !== key).length;

  it.each([
    {
      edit: "a corrected body",
      change: (records: SearchRecord[]) =>
        records.map((each, i) => (i === 7 ? record("chery-news-7", "Tula, not Kaluga.") : each)),
    },
    {
      edit: "a corrected headline",
      change: (records: SearchRecord[]) =>
        records.map((each, i) =>
          i === 7 ? record("chery-news-7", undefined, { headline: "Chery in Tula" }) : each,
        ),
    },
    {
      edit: "another name for its tag",
      change: (records: SearchRecord[]) =>
        records.map((each, i) =>
          i === 7 ? record("chery-news-7", undefined, { tag: "Чери" }) : each,
        ),
    },
    {
      edit: "a new article",
      change: (records: SearchRecord[]) => [...records, record("haval-h9")],
    },
    { edit: "a deleted article", change: (records: SearchRecord[]) => records.slice(1) },
  ])("changes the key of one shard only after $edit", ({ change }) => {
    const records = corpus(120);
    expect(changedShards(keysOf(records), keysOf(change(records)))).toBe(1);
  });

  it("keeps every key when nothing changed", () => {
    expect(keysOf(corpus(120))).toEqual(keysOf(corpus(120)));
  });

  it("changes every key with another version of the indexer", () => {
    const records = corpus(120);
    expect(changedShards(keysOf(records), keysOf(records, "pagefind 2"))).toBe(8);
  });
});
