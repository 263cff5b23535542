import { afterEach, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

const NOW = new Date("2022-06-10T09:00:00Z");

const registry = {
  companies: "companies:\n  - name: Chery\n    aliases: [Чери]\n",
  partners: [
    "partners:",
    "  - name: Moskvich",
    "    aliases: [Москвич]",
    "    formerly: [Moskvitch]",
    "    country: Russia",
    "",
  ].join("\n"),
};

afterEach(removeContentFolders);

it("redirects the page of a partner's former name to its current page", async () => {
  const dir = await createContentFolder({
    registry,
    articles: {
      "chery-moskvich-talks.md": articleText([
        "title: Moscow has not asked Chery about a Moskvich venture",
        "date: 2022-06-01",
        "company: Chery",
        "partners: [Moskvich]",
      ]),
    },
  });
  const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
  expect(news?.redirects).toEqual([
    { url: "/partners/moskvitch/", target: { name: "Moskvich", url: "/partners/moskvich/" } },
  ]);
});

it("makes no redirect for a renamed partner that no article names", async () => {
  const dir = await createContentFolder({
    registry,
    articles: {
      "chery-localization.md": articleText([
        "title: Chery makes localizing car assembly in Russia a top priority",
        "date: 2022-06-01",
        "company: Chery",
      ]),
    },
  });
  const { news } = await loadNews({ contentDir: dir, includeDrafts: false, now: NOW });
  expect(news?.redirects).toEqual([]);
});
