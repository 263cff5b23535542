import type { News } from "../../src/pages/site-data.ts";

interface Data {
  feed: News["feeds"][number];
}

export default {
  permalink: ({ feed }: Data) => feed.atomUrl,
};
