import path from "node:path";

/**
 * Where the commands keep the front-matter cache (`FrontMatterCache`): beside the render
 * cache, so `--cache` moves both and the default is `.cache/front-matter.jsonl`. Apart from
 * the cache's code, which loads the parser: a command decides where its caches are before it
 * knows whether it runs again with a larger heap.
 */
export function frontMatterCacheBeside(renderCacheFile: string): string {
  return path.join(path.dirname(renderCacheFile), "front-matter.jsonl");
}
