import { describe, expect, it } from "vitest";
import { compareNewestFirst } from "../../src/content/article.ts";
import type { Article } from "../../src/markdown/article.ts";
import { articlesByTerm, relatedArticles } from "../../src/site/related-articles.ts";
import { buildTermIndex } from "../../src/taxonomy/build-term-index.ts";
import { publishedArticle } from "./publishing-articles.ts";

const tiggo7Prices = publishedArticle("chery-tiggo-7-pro-prices", [
  "title: Chery publishes Tiggo 7 Pro prices",
  "date: 2022-06-01",
  "company: Chery",
  "models: [Tiggo 7 Pro]",
  "partners: [Avtotor]",
]);
const tiggo7Recall = publishedArticle("chery-tiggo-7-pro-recall", [
  "title: Chery recalls early Tiggo 7 Pro crossovers",
  "date: 2021-03-10",
  "company: Chery",
  "models: [Tiggo 7 Pro]",
]);
const cheryDealers = publishedArticle("chery-dealer-network", [
  "title: Chery opens its hundredth Russian dealer",
  "date: 2022-05-20",
  "company: Chery",
]);
const cheryWarranty = publishedArticle("chery-warranty", [
  "title: Chery extends its warranty to seven years",
  "date: 2022-04-02",
  "company: Chery",
]);
const avtotorKia = publishedArticle("avtotor-kia-assembly", [
  "title: Avtotor resumes Kia assembly in Kaliningrad",
  "date: 2022-05-30",
  "company: Kia",
  "partners: [Avtotor]",
]);
const havalTula = publishedArticle("haval-tula-plant", [
  "title: Haval expands its Tula plant",
  "date: 2022-05-31",
  "company: Haval",
]);

function relatedTo(article: Article, all: readonly Article[], limit?: number): string[] {
  const index = buildTermIndex([...all].sort(compareNewestFirst));
  return relatedArticles(article, articlesByTerm(index), limit).map((other) => other.slug);
}

const everyArticle = [
  tiggo7Prices,
  tiggo7Recall,
  cheryDealers,
  cheryWarranty,
  avtotorKia,
  havalTula,
];

describe("relatedArticles", () => {
  it("puts an article about the same model before newer ones about the same company", () => {
    expect(relatedTo(tiggo7Prices, everyArticle)[0]).toBe("chery-tiggo-7-pro-recall");
  });

  it("lists articles about the same company newest first after the model's", () => {
    expect(relatedTo(tiggo7Prices, everyArticle).slice(1, 3)).toEqual([
      "chery-dealer-network",
      "chery-warranty",
    ]);
  });

  it("ranks an article sharing only a partner after those sharing the company", () => {
    expect(relatedTo(tiggo7Prices, everyArticle)).toEqual([
      "chery-tiggo-7-pro-recall",
      "chery-dealer-network",
      "chery-warranty",
      "avtotor-kia-assembly",
    ]);
  });

  it("never lists the article itself", () => {
    expect(relatedTo(cheryDealers, everyArticle)).not.toContain("chery-dealer-network");
  });

  it("leaves out articles that share no company, model or partner", () => {
    expect(relatedTo(havalTula, everyArticle)).toEqual([]);
  });

  it("stops at the limit, keeping the best ranked", () => {
    expect(relatedTo(tiggo7Prices, everyArticle, 2)).toEqual([
      "chery-tiggo-7-pro-recall",
      "chery-dealer-network",
    ]);
  });

  it("reads only the head of a long term list, which is where the newest articles are", () => {
    const many = Array.from({ length: 200 }, (_, day) =>
      publishedArticle(`chery-weekly-sales-${day}`, [
        `title: Chery weekly sales report ${day}`,
        `date: ${new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10)}`,
        "company: Chery",
      ]),
    );
    const index = buildTermIndex([cheryDealers, ...many].sort(compareNewestFirst));
    const byTerm = articlesByTerm(index);
    let reads = 0;
    const counting = new Map(
      [...byTerm].map(([key, list]) => [
        key,
        new Proxy(list as Article[], {
          get(target, property, receiver) {
            if (property === "slice") {
              return (start: number, end: number) => {
                const part = target.slice(start, end);
                reads += part.length;
                return part;
              };
            }
            return Reflect.get(target, property, receiver);
          },
        }),
      ]),
    );
    expect(relatedArticles(cheryDealers, counting)).toHaveLength(5);
    expect(reads).toBeLessThanOrEqual(6);
  });
});
