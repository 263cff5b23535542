import type { News } from "../../src/site/news.ts";

interface Data {
  feed: News["feeds"][number];
}

export default {
  permalink: ({ feed }: Data) => feed.atomUrl,
};
