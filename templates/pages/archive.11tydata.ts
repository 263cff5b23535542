import type { News } from "../../src/site/news.ts";

interface Data {
  month: News["archives"]["pages"][number];
}

export default {
  permalink: ({ month }: Data) => month.url,
  eleventyComputed: { pageTitle: ({ month }: Data) => month.title },
};
