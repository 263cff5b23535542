import { createHash } from "node:crypto";
import type { SearchRecord } from "./search-records.ts";

/** Records a shard holds on average before the index splits into more shards. */
export const RECORDS_PER_SHARD = 2000;

/** More shards make each search fetch more files; past this, shards grow instead. */
export const MAX_SHARDS = 32;

/** One part of the search index: its records, and what they are a function of. */
export interface SearchShard {
  /** The shard's folder inside `pagefind/`: `0`, `1`, … */
  name: string;
  records: SearchRecord[];
  /** Changes exactly when the shard's records, or the indexer, change. */
  key: string;
}

function hashOf(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}

/**
 * How many shards `recordCount` records get: a power of two, so that a record's shard only
 * changes when the site doubles in size, never on a single edit.
 */
export function shardCount(recordCount: number, recordsPerShard = RECORDS_PER_SHARD): number {
  let count = 1;
  while (count < MAX_SHARDS && count * recordsPerShard < recordCount) count *= 2;
  return count;
}

/**
 * Splits the records into shards by a stable hash of each record's URL: editing, adding or
 * removing an article changes the one shard it is in, and no other.
 */
export function planShards(
  records: readonly SearchRecord[],
  indexerVersion: string,
  recordsPerShard = RECORDS_PER_SHARD,
): SearchShard[] {
  const count = shardCount(records.length, recordsPerShard);
  const groups: SearchRecord[][] = Array.from({ length: count }, () => []);
  for (const record of records) groups[hashOf(record.url) % count]?.push(record);
  return groups.map((group, index) => {
    const hash = createHash("sha256").update(indexerVersion);
    // A record's body stands in by the digest of its HTML, which is read only to index.
    for (const { url, head, body, tail } of group) {
      for (const part of [url, head, body.digest, tail]) hash.update(`${part.length}:${part}`);
    }
    return { name: String(index), records: group, key: hash.digest("base64url") };
  });
}
