import type { News } from "../../src/site/news.ts";

interface Data {
  source: News["sourcePages"][number];
}

export default {
  permalink: ({ source }: Data) => source.url,
  eleventyComputed: { pageTitle: ({ source }: Data) => source.title },
};
