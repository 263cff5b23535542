import type { News } from "../../src/site/news.ts";

interface Data {
  news: News;
  directory: News["directoryPages"][number];
}

export default {
  permalink: ({ directory }: Data) => directory.url,
  eleventyComputed: {
    pageTitle: ({ directory, news }: Data) => `${directory.title} | ${news.site.title}`,
  },
};
