import type { Article } from "../../src/markdown/article.ts";
import { checkArticle } from "../support/articles.ts";

/**
 * A validated article from front-matter lines, as the loader would produce it, so unit
 * tests work on real `Article` values rather than hand-made shapes.
 */
export function publishedArticle(slug: string, frontMatter: readonly string[]): Article {
  const text = [
    "---",
    ...frontMatter,
    "---",
    "",
    "Chery is in talks with several Russian manufacturers about assembling its cars locally.",
    "",
  ].join("\n");
  const result = checkArticle(
    { file: `content/articles/${slug}.md`, baseName: slug, text },
    "Europe/Moscow",
  );
  if (!result.article) {
    throw new Error(`Fixture article ${slug} is invalid: ${JSON.stringify(result.diagnostics)}`);
  }
  return result.article;
}
