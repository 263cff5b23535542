import { builderVersion } from "../build/builder-version.ts";
import { planPagePasses } from "../build/page-passes.ts";
import { pageFingerprints } from "../pages/page-fingerprints.ts";
import type { News } from "../pages/site-data.ts";
import { PROJECT_ROOT } from "../project-paths.ts";

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
    const [pass] = planPagePasses(news, unchanged, Number.POSITIVE_INFINITY);
    return pass?.news ?? news;
  }
}
