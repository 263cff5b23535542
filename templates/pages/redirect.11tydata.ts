import type { News } from "../../src/site/news.ts";

interface Data {
  redirect: News["redirects"][number];
}

export default {
  permalink: ({ redirect }: Data) => redirect.url,
};
