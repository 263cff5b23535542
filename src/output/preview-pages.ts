import { PROJECT_ROOT } from "../project-paths.ts";
import type { News } from "../site/news.ts";
import { builderVersion } from "./builder-version.ts";
import { pageFingerprints } from "./page-fingerprints.ts";
import { planPagePasses } from "./page-passes.ts";

/**
 * The pages a preview has written, by fingerprint. The preview writes into one folder that
 * Eleventy never empties, so after an edit it need only write the pages whose data, layout
 * or builder changed: the rest are on disk as the last rebuild wrote them.
 */
export class PreviewPages {
  private written = new Map<string, string>();

  /** The site's data narrowed to the pages that changed since the last call. */
  async changedSince(news: News): Promise<News> {
    const fingerprints = pageFingerprints(news, await builderVersion(PROJECT_ROOT));
    const unchanged = new Set<string>();
    for (const [url, fingerprint] of fingerprints) {
      if (this.written.get(url) === fingerprint) unchanged.add(url);
    }
    this.written = fingerprints;
    const [pass] = planPagePasses(news, unchanged, { pagesPerPass: Number.POSITIVE_INFINITY });
    return pass?.news ?? news;
  }
}
