import { rm } from "node:fs/promises";
import path from "node:path";
import { ContentError } from "../diagnostics/content-error.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatReport } from "../diagnostics/format-diagnostics.ts";
import type { LoadedSite, News, PageParts } from "../site/news.ts";
import { PAGE_LISTS } from "../site/page-lists.ts";
import { withPageParts } from "../site/page-parts.ts";
import { DEFAULT_IMAGE_CACHE } from "../site/renditions.ts";
import { siteMade } from "../site/site-data.ts";
import { outputFileOf } from "../urls.ts";
import { planPagePasses } from "./page-passes.ts";
import { type PreviewChanges, PreviewPages } from "./preview-pages.ts";
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
  /**
   * The site after an edit of `files`, made in memory ahead of the next load, with the one
   * page it changed for certain; undefined when only a load can tell what changed.
   */
  edited?: (files: readonly string[]) => Promise<EditedPage | undefined>;
}

/** The site's data after an edit, the page the edit was made on, and what completes its pages. */
export interface EditedPage {
  news: News;
  url: string;
  parts: PageParts;
}

/** A site the preview has written: its data and what completes its pages. */
interface GoodSite {
  news: News;
  parts: PageParts;
}

/** The site's data narrowed to the page at `url`, a page of a list: what writing it alone takes. */
function onePage(news: News, url: string): News | undefined {
  const others = new Set(
    PAGE_LISTS.filter((list) => list.reads).flatMap((list) =>
      list.items(news).flatMap((item) => list.urlsOf(item)),
    ),
  );
  others.delete(url);
  const [pass] = planPagePasses(siteMade(news), others, {
    pagesPerPass: Number.POSITIVE_INFINITY,
    keepSinglePages: true,
  });
  return pass?.news;
}

/**
 * The site model of each rebuild of the preview. The preview writes into one folder that it
 * keeps, so each rebuild is handed only the pages that changed, with their lead pictures
 * encoded first. Content with errors keeps the last good site up and prints the report;
 * before there is one, it stops with the report.
 */
export class PreviewSite {
  private readonly pages = new PreviewPages();
  private lastGood: GoodSite | undefined;
  private pending: LoadedSite | undefined;
  /** Pages the site no longer has, deleted once the rebuild has written the others. */
  private gone = new Set<string>();

  constructor(private readonly options: PreviewSiteOptions) {
    this.pending = options.first;
  }

  /**
   * Writes the page an edit of `files` was made on ahead of the rebuild that follows, when
   * `edited` can make it from memory; the rebuild writes it again, alike, with every other
   * page the edit changed. The URL of the page written, or undefined when there is none.
   */
  async writeEditedFirst(files: readonly string[]): Promise<string | undefined> {
    return this.lastGood ? this.writeAhead(files) : undefined;
  }

  /**
   * Writes the newest article's page ahead, as after an edit that changed nothing: the first
   * real edit then finds the Markdown processor and the modules of a one-page Eleventy run
   * loaded, instead of paying for them (1.4 s at 1,000 articles, 1.8 s at 10,000, against
   * 0.1–0.4 s). Called before serving, so that it does not compete with the watcher's first
   * pass over the files.
   */
  async rehearse(): Promise<void> {
    const newest = (this.lastGood?.news ?? this.pending?.news)?.articles[0];
    if (newest) await this.writeAhead([newest.file]);
  }

  private async writeAhead(files: readonly string[]): Promise<string | undefined> {
    const edited = await this.options.edited?.(files);
    const news = edited && onePage(edited.news, edited.url);
    if (!edited || !news) return undefined;
    const { writePages } = await import("./eleventy-site.ts");
    await writePages(this.options.outputDir, withPageParts(news, edited.parts), false);
    return edited.url;
  }

  /** The site model of the next rebuild: only the pages that changed since the last. */
  async next(): Promise<News> {
    const result = this.pending ?? (await this.options.load());
    this.pending = undefined;
    const { news, parts } = result;
    if (news && parts && !hasErrors(result.diagnostics)) {
      await writeRenditions(news.imageJobs, {
        outputDir: this.options.outputDir,
        cacheDir: this.options.imageCacheDir ?? DEFAULT_IMAGE_CACHE,
      });
      this.lastGood = { news, parts };
      return this.pagesToWrite(await this.pages.changedSince(news), parts);
    }
    if (!this.lastGood) throw new ContentError(result.diagnostics);
    console.error(
      `${formatReport(result.diagnostics)}\nThe preview keeps showing the last good version.`,
    );
    return this.pagesToWrite(
      await this.pages.changedSince(this.lastGood.news),
      this.lastGood.parts,
    );
  }

  /**
   * The pages to write, with their bodies and head metadata. The pages the site no longer
   * has (a deleted or renamed article's, which would otherwise still answer at the old
   * address) are deleted by `removeGonePages` once these are written: deleted first, the
   * lists that still linked them would link a missing page until the rebuild ended.
   */
  private async pagesToWrite(changes: PreviewChanges, parts: PageParts): Promise<News> {
    // A page gone in a rebuild that failed before its end, and back since, stays.
    this.gone = new Set([...this.gone, ...changes.removed].filter((url) => !this.pages.has(url)));
    return withPageParts(changes.news, parts);
  }

  /** Deletes the pages the site no longer has; called once a rebuild has written its pages. */
  async removeGonePages(): Promise<void> {
    const gone = [...this.gone];
    this.gone.clear();
    for (const url of gone) {
      await rm(path.join(this.options.outputDir, outputFileOf(url)), { force: true });
    }
  }
}
