import type { News } from "../../src/site/news.ts";

interface Data {
  listPage: News["homePages"][number];
}

export default {
  permalink: ({ listPage }: Data) => listPage.url,
  eleventyComputed: { pageTitle: ({ listPage }: Data) => listPage.title },
};
