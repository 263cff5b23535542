/**
 * Runs in the web editor, beside Decap CMS: before a new article is saved, its address
 * (`slug`, which names the file) is made from the title exactly as `npm run new` makes it,
 * transliterating Cyrillic, since Decap's own slugs would drop every non-Latin letter.
 */
import { slugifyText } from "../registry/normalize-term.ts";

interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

declare const CMS: {
  registerEventListener(listener: {
    name: "preSave";
    handler: (event: { entry: ImmutableMap }) => ImmutableMap;
  }): void;
};

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const data = entry.get("data") as ImmutableMap;
    const isNewArticle = entry.get("newRecord") === true && entry.get("collection") === "articles";
    if (!isNewArticle || data.get("slug")) return data;
    return data.set("slug", slugifyText(String(data.get("title") ?? "")));
  },
});
