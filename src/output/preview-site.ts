import { ContentError } from "../diagnostics/content-error.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import type { LoadedSite, News } from "../site/news.ts";
import { DEFAULT_IMAGE_CACHE } from "../site/renditions.ts";
import { PreviewPages } from "./preview-pages.ts";
import { writeRenditions } from "./write-renditions.ts";

export interface PreviewSiteOptions {
  /** Loads the content again, drafts included; called on every rebuild. */
  load: () => Promise<LoadedSite>;
  /** Where the preview writes its pages, and so its lead pictures. */
  outputDir: string;
  /** Where encoded pictures are kept between runs; the project's `.cache/images/`. */
  imageCacheDir?: string;
  /** A load already made (the one `npm start` checked before serving): used for the first build. */
  first?: LoadedSite;
}

/**
 * The site model of each rebuild of the preview. The preview writes into one folder that it
 * keeps, so each rebuild is handed only the pages that changed, with their lead pictures
 * encoded first. Content with errors keeps the last good site up and prints the report;
 * before there is one, it stops with the report.
 */
export class PreviewSite {
  private readonly pages = new PreviewPages();
  private lastGood: News | undefined;
  private pending: LoadedSite | undefined;

  constructor(private readonly options: PreviewSiteOptions) {
    this.pending = options.first;
  }

  async next(): Promise<News> {
    const result = this.pending ?? (await this.options.load());
    this.pending = undefined;
    if (result.news && !hasErrors(result.diagnostics)) {
      await writeRenditions(result.news.imageJobs, {
        outputDir: this.options.outputDir,
        cacheDir: this.options.imageCacheDir ?? DEFAULT_IMAGE_CACHE,
      });
      this.lastGood = result.news;
      return this.pages.changedSince(result.news);
    }
    if (!this.lastGood) throw new ContentError(result.diagnostics);
    console.error(
      `${formatReport(result.diagnostics)}\nThe preview keeps showing the last good version.`,
    );
    return this.pages.changedSince(this.lastGood);
  }
}
