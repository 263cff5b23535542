import type { AnySiteModel } from "./news.ts";

/** One item of a paginated list: the data of one page (or, for feeds, of two files). */
export type ListItem = object;

/**
 * A list of the site's data that a template paginates over, one page per item. Templates
 * never read the site's lists any other way, so the builder can write any selection of
 * items by handing Eleventy the site's data with the lists narrowed to that selection.
 */
export interface PageList {
  /** As templates name it: `pagination.data: news.<name>`. */
  name: string;
  /** The templates in `templates/pages/` that paginate over it. */
  templates: readonly string[];
  items(news: AnySiteModel): readonly ListItem[];
  /** The same data with this list replaced. */
  withItems<Model extends AnySiteModel>(news: Model, items: readonly ListItem[]): Model;
  /** The site URLs an item's templates write, one per template. */
  urlsOf(item: ListItem): string[];
  /**
   * Besides its item, its head metadata and the layout's data: what the templates read of
   * `news` for a page of this list. Absent for lists whose pages are always written, because
   * they read more of the site than is worth tracking (and are few).
   */
  reads?: readonly string[];
}

const urlOf = (item: ListItem) => [(item as { url: string }).url];

/** The lists that are fields of the site's data itself, each page at its item's `url`. */
type TopLevelList =
  | "articles"
  | "termPages"
  | "homePages"
  | "sourcePages"
  | "directoryPages"
  | "redirects";

function topLevel(name: TopLevelList, template: string, reads?: readonly string[]): PageList {
  return {
    name,
    templates: [template],
    items: (news) => news[name],
    withItems: (news, items) => ({ ...news, [name]: items }),
    urlsOf: urlOf,
    ...(reads ? { reads } : {}),
  };
}

/** Every paginated list, in the order pages are written: article pages first. */
export const PAGE_LISTS: readonly PageList[] = [
  topLevel("articles", "article.njk", []),
  topLevel("termPages", "term-page.njk", []),
  topLevel("homePages", "home.njk", ["digests.latest"]),
  {
    name: "feeds",
    templates: ["feed-atom.njk", "feed-json.njk"],
    items: (news) => news.feeds,
    withItems: (news, items) => ({ ...news, feeds: items as AnySiteModel["feeds"] }),
    urlsOf: (item) => {
      const feed = item as AnySiteModel["feeds"][number];
      return [feed.atomUrl, feed.jsonUrl];
    },
    reads: [],
  },
  {
    name: "digests.pages",
    templates: ["digest.njk"],
    items: (news) => news.digests.pages,
    withItems: (news, items) => ({
      ...news,
      digests: { ...news.digests, pages: items as AnySiteModel["digests"]["pages"] },
    }),
    urlsOf: urlOf,
    reads: [],
  },
  {
    name: "archives.pages",
    templates: ["archive.njk"],
    items: (news) => news.archives.pages,
    withItems: (news, items) => ({
      ...news,
      archives: { ...news.archives, pages: items as AnySiteModel["archives"]["pages"] },
    }),
    urlsOf: urlOf,
    reads: [],
  },
  topLevel("sourcePages", "source.njk", []),
  // Directories list every term with its count and redirects are a handful: always written.
  topLevel("directoryPages", "directory.njk"),
  topLevel("redirects", "redirect.njk"),
];
