import type { News } from "../site/news.ts";

/** What Eleventy's set-up (`.eleventy.ts`) is given: the site model it writes. */
export interface SiteSource {
  /** The model of the pages a run writes: a build's pass, or the preview's latest. */
  news(): News | Promise<News>;
  /** What a preview watches and rebuilds on: the content folder. */
  watch?: string;
  /** What a preview does first when watched files change, before Eleventy rebuilds. */
  changed?: (files: string[]) => Promise<void>;
  /** What a preview does once a build or rebuild has written its pages. */
  written?: () => Promise<void>;
  /**
   * Whether the run writes the single pages and the assets (see `singlePageTemplates`);
   * true when absent. A build writes them in its last pass only.
   */
  singlePages?: boolean;
}
