import { PROJECT_ROOT } from "../project-paths.ts";
import type { News } from "../site/news.ts";
import { siteMade } from "../site/site-data.ts";
import { builderVersion } from "./builder-version.ts";
import { pageFingerprints } from "./page-fingerprints.ts";
import { planPagePasses } from "./page-passes.ts";

/** What a preview's rebuild writes, and the pages of the last one the site no longer has. */
export interface PreviewChanges {
  /** The site's data narrowed to the pages that changed. */
  news: News;
  /** Site URLs of list pages written before that the site has no more: a deleted article's. */
  removed: string[];
}

/**
 * The pages a preview has written, by fingerprint. The preview writes into one folder that
 * Eleventy never empties, so after an edit it need only write the pages whose data, layout
 * or builder changed: the rest are on disk as the last rebuild wrote them.
 */
export class PreviewPages {
  private written = new Map<string, string>();

  /** Whether the site of the last call has a list page at `url`. */
  has(url: string): boolean {
    return this.written.has(url);
  }

  /** The pages that changed since the last call, and those gone since. */
  async changedSince(news: News): Promise<PreviewChanges> {
    const fingerprints = pageFingerprints(news, await builderVersion(PROJECT_ROOT));
    const unchanged = new Set<string>();
    for (const [url, fingerprint] of fingerprints) {
      if (this.written.get(url) === fingerprint) unchanged.add(url);
    }
    const removed = [...this.written.keys()].filter((url) => !fingerprints.has(url));
    this.written = fingerprints;
    const [pass] = planPagePasses(siteMade(news), unchanged, {
      pagesPerPass: Number.POSITIVE_INFINITY,
    });
    return { news: pass?.news ?? news, removed };
  }
}
