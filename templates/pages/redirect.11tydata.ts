import type { News } from "../../src/pages/site-data.ts";

interface Data {
  redirect: News["redirects"][number];
}

export default {
  permalink: ({ redirect }: Data) => redirect.url,
};
