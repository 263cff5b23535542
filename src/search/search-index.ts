import { mkdir, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { mapBounded } from "../map-bounded.ts";
import type { BodyHtml, BodyRef } from "../markdown/body.ts";
import { BodyMissingError, type BodySource, BodyStore } from "../markdown/body-store.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { recordHtml, type SearchRecord } from "./search-records.ts";
import { planShards, RECORDS_PER_SHARD, type SearchShard } from "./search-shards.ts";

/** Where the search files go inside the site: the search page loads its UI from here. */
export const SEARCH_FOLDER = "pagefind";

/** The list of shard folders the search page merges, inside `SEARCH_FOLDER`. */
export const SHARD_LIST = "shards.json";

/** The UI's files, served from `SEARCH_FOLDER` itself whatever the shards. */
const UI_FILES = ["pagefind-ui.js", "pagefind-ui.css"];

/**
 * The UI bundles Pagefind writes into every index folder, for pages that load their UI from
 * there. The search page loads the UI once, from `SEARCH_FOLDER`, and only the index from
 * each shard (`pagefind.js`, its worker, WebAssembly, metadata, index, fragments, filters):
 * these would be published once per shard for nothing (about 430 KB a shard).
 */
const SHARD_UI_BUNDLE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/**
 * Shards indexed at once. One: the build writes pages on the other core meanwhile, and each
 * shard Pagefind holds adds to the build's memory (two at once took a cold 10,000-article
 * build from 1.38 to 1.49 GiB at its peak, against a budget of 1.5 GiB).
 */
const CONCURRENT_SHARDS = 1;

/** A cached shard unused by any build for this long is deleted. */
const CACHE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface SearchIndexOptions {
  /**
   * Where indexed shards are kept, by key: between builds, so that a build indexes only the
   * shards whose records changed, or for one build only (then deleted by its caller).
   */
  cacheDir: string;
  /** Where the records' bodies are read from, for the shards indexed. */
  bodies: BodySource;
  /** Small in tests, to exercise several shards. */
  recordsPerShard?: number;
}

export interface SearchIndex {
  shards: number;
  /** Shards indexed by this build; the others came from the cache. */
  indexed: number;
  /** Files of the index to link into the site, by path inside it: each a cached shard's file. */
  linked: Map<string, string>;
  /** The list of shards the search page merges, to write into the site. */
  shardList: { url: string; text: string };
}

/** Pagefind's own version: a new one may write other files for the same records. */
async function indexerVersion(): Promise<string> {
  const manifest = path.join(PROJECT_ROOT, "node_modules", "pagefind", "package.json");
  return `pagefind ${await readFile(manifest, "utf8").catch(() => "")}`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Indexes one shard's records with Pagefind into `outputPath`. */
async function indexShard(
  shard: SearchShard,
  outputPath: string,
  bodyHtml: BodyHtml,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await Promise.all(
      shard.records.map((record) =>
        index.addHTMLFile({ url: record.url, content: recordHtml(record, bodyHtml) }),
      ),
    );
    const failed = added.flatMap((response) => response.errors);
    if (failed.length > 0) {
      throw new Error(`Pagefind could not index the articles: ${failed.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    }
  } finally {
    await index.deleteIndex();
  }
}

/**
 * The folder of a shard's index: from the cache when an earlier build indexed the same
 * records, otherwise indexed now (into a temporary folder renamed into place, so the cache
 * never holds half an index).
 */
async function shardFolder(
  shard: SearchShard,
  cacheDir: string,
  bodyHtml: BodyHtml,
): Promise<{ folder: string; indexed: boolean }> {
  const folder = path.join(cacheDir, shard.key);
  if (await exists(folder)) {
    const now = new Date();
    await utimes(folder, now, now);
    return { folder, indexed: false };
  }
  const temporary = `${folder}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await indexShard(shard, temporary, bodyHtml);
  await rename(temporary, folder).catch(async (error) => {
    // Another build indexed the same records meanwhile: its folder is as good.
    if (!(await exists(folder))) throw error;
    await rm(temporary, { recursive: true, force: true });
  });
  return { folder, indexed: true };
}

/** The files of a shard folder, by their path inside it. */
async function shardFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/** Deletes cached shards no build has used for a while, and temporary folders of killed ones. */
async function pruneCache(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => []);
  const oldest = Date.now() - CACHE_LIFETIME_MS;
  for (const entry of entries) {
    if (used.has(entry)) continue;
    const folder = path.join(cacheDir, entry);
    const modified = (await stat(folder).catch(() => undefined))?.mtimeMs ?? 0;
    if (modified < oldest) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The search index of the articles' records, as shards (`pagefind/0/`, `pagefind/1/`, …) that
 * the search page merges, listed in `pagefind/shards.json`, with Pagefind's UI beside them.
 * Pagefind cannot update an index, so each shard is indexed whole, in Pagefind's own process,
 * and only when its records changed since a build that kept it in `cacheDir`. A shard, once
 * indexed there, is never written again (a cached one is only ever deleted whole), so the
 * site shares its files: they are returned as `linked`, by their path inside the site, for
 * the build to link into place. Nothing is written into the site: the build can index search
 * while it computes and writes the pages.
 */
export async function indexSearch(
  records: readonly SearchRecord[],
  options: SearchIndexOptions,
): Promise<SearchIndex> {
  const { cacheDir } = options;
  const bodies = BodyStore.of(options.bodies);
  const shards = planShards(
    records,
    await indexerVersion(),
    options.recordsPerShard ?? RECORDS_PER_SHARD,
  );
  let indexed = 0;
  const linked = new Map<string, string>();
  let folders: string[] = [];
  try {
    await mkdir(cacheDir, { recursive: true });
    folders = await mapBounded(shards, CONCURRENT_SHARDS, async (shard) => {
      const inSite = path.join(SEARCH_FOLDER, shard.name);
      const source = await shardFolder(shard, cacheDir, bodies.reader);
      if (source.indexed) indexed++;
      for (const file of await shardFiles(source.folder)) {
        if (SHARD_UI_BUNDLE.test(file)) continue;
        linked.set(path.join(inSite, file), path.join(source.folder, file));
      }
      return source.folder;
    });
  } finally {
    await pagefind.close();
  }
  const uiSource = folders[0];
  if (uiSource === undefined) throw new Error("Internal error: a search index without shards");
  for (const file of UI_FILES)
    linked.set(path.join(SEARCH_FOLDER, file), path.join(uiSource, file));
  // Pagefind refuses to merge an index without records: a shard that drew none is not
  // listed, unless the site has no article at all.
  const withRecords = shards.filter((shard) => shard.records.length > 0);
  const listed = withRecords.length > 0 ? withRecords : shards.slice(0, 1);
  await pruneCache(cacheDir, new Set(shards.map((shard) => shard.key)));
  return {
    shards: shards.length,
    indexed,
    linked,
    shardList: {
      url: `/${SEARCH_FOLDER}/${SHARD_LIST}`,
      text: `${JSON.stringify({ shards: listed.map((shard) => `${shard.name}/`) })}\n`,
    },
  };
}

/** What the search worker (`search-worker.ts`) is sent, once. */
export interface IndexRequest {
  records: SearchRecord[];
  options: SearchIndexOptions;
}

/** What it answers; a body missing from the store is told as such, as in the build's thread. */
export type IndexReply =
  | { index: SearchIndex }
  | { error: string; missingBody?: { body: BodyRef; where: string } };

/** The worker's entry: plain JavaScript that loads the TypeScript worker through tsx. */
const WORKER_ENTRY = new URL("./search-worker.mjs", import.meta.url);

/**
 * `indexSearch` in a worker thread of its own. Pagefind is driven by messages to its process:
 * in the build's thread they wait whenever that thread computes (the site's data, the
 * fingerprints, the pages), and a shard took two to three times as long to index as on its
 * own. The records are copied to the worker when this is called; the caller's are not kept
 * (hence no async function here, whose frame would hold them until the index is done).
 */
export function indexSearchInWorker(
  records: SearchRecord[],
  options: SearchIndexOptions,
): Promise<SearchIndex> {
  const worker = new Worker(WORKER_ENTRY);
  const reply = new Promise<IndexReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`Internal error: the search worker stopped (exit code ${code})`)),
    );
  });
  const request: IndexRequest = { records, options };
  worker.postMessage(request);
  return reply
    .then((answer) => {
      if ("error" in answer) {
        const { missingBody } = answer;
        throw missingBody
          ? new BodyMissingError(missingBody.body, missingBody.where)
          : new Error(answer.error);
      }
      return answer.index;
    })
    .finally(() => worker.terminate());
}
