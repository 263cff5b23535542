import type { News } from "../../src/site/news.ts";

interface Data {
  digest: News["digests"]["pages"][number];
}

export default {
  permalink: ({ digest }: Data) => digest.url,
  eleventyComputed: {
    pageTitle: ({ digest }: Data) => digest.title,
    pageDescription: ({ digest }: Data) => `${digest.count} articles of ${digest.label}`,
  },
};
