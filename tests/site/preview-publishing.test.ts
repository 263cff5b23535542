import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadNews } from "../../src/build/load-news.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/publishing");

describe("publishing in the preview", () => {
  it("keeps drafts out of feeds even when the preview shows them", async () => {
    const { news } = await loadNews({ contentDir: FIXTURE, includeDrafts: true });
    expect(news?.articles.map((article) => article.slug)).toContain("draft-chery-tiggo-8-pro-max");
    const entryIds = news?.feeds.flatMap((feed) => feed.entries.map((entry) => entry.id)) ?? [];
    expect(entryIds.some((id) => id.includes("draft-chery-tiggo-8-pro-max"))).toBe(false);
  });

  it("keeps drafts out of the sitemap even when the preview shows them", async () => {
    const { news } = await loadNews({ contentDir: FIXTURE, includeDrafts: true });
    const locations = news?.sitemaps.entries.map((entry) => entry.loc) ?? [];
    expect(locations.some((loc) => loc.includes("draft-chery-tiggo-8-pro-max"))).toBe(false);
  });

  it("gives no feed to a model only a draft names", async () => {
    const { news } = await loadNews({ contentDir: FIXTURE, includeDrafts: true });
    expect(news?.feeds.map((feed) => feed.atomUrl)).not.toContain(
      "/models/chery-tiggo-8-pro-max/feed.xml",
    );
  });
});
