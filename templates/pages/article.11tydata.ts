import type { News } from "../../src/site/news.ts";

interface Data {
  news: News;
  article: News["articles"][number];
}

/** Computed values are plain text: the layout escapes them where it prints them, once. */
export default {
  permalink: ({ article }: Data) => article.url,
  eleventyComputed: {
    pageTitle: ({ article, news }: Data) => `${article.title} | ${news.site.title}`,
    pageDescription: ({ article }: Data) => article.summary,
  },
};
