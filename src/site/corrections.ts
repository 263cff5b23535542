import type { Correction } from "../content/article.ts";
import type { Article } from "../markdown/article.ts";
import { correctionsUrl } from "../urls.ts";
import { dateView } from "./article-view.ts";
import type { ArticleView, DateView } from "./views.ts";

export interface CorrectionView {
  date: DateView;
  text: string;
}

/** An article with the corrections it received, newest correction first. */
export interface CorrectedArticle {
  article: ArticleView;
  corrections: CorrectionView[];
}

export interface CorrectionsPage {
  url: string;
  title: string;
  /** The article corrected most recently first. */
  articles: CorrectedArticle[];
}

const newestCorrectionFirst = (a: Correction, b: Correction) => b.date.instant - a.date.instant;

/** An article's corrections as its page shows them: newest first. */
export function correctionViews(article: Article, locale: string): CorrectionView[] {
  return [...(article.corrections ?? [])]
    .sort(newestCorrectionFirst)
    .map((correction) => ({ date: dateView(correction.date, locale), text: correction.text }));
}

/** `/corrections/`: every public article that was corrected. */
export function buildCorrectionsPage(
  articles: readonly Article[],
  locale: string,
  siteTitle: string,
  viewOf: (article: Article) => ArticleView,
): CorrectionsPage {
  const corrected = articles
    .filter((article) => (article.corrections ?? []).length > 0)
    .map((article) => ({
      article,
      latest: Math.max(...(article.corrections ?? []).map((c) => c.date.instant)),
    }))
    .sort((a, b) => b.latest - a.latest || a.article.slug.localeCompare(b.article.slug));
  return {
    url: correctionsUrl,
    title: `Corrections | ${siteTitle}`,
    articles: corrected.map(({ article }) => ({
      article: viewOf(article),
      corrections: correctionViews(article, locale),
    })),
  };
}
