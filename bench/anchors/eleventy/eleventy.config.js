// A plain Eleventy 3 site over the bench corpus: default markdown-it, Nunjucks, collections
// and pagination, the way the Eleventy docs show them. It is the speed anchor news-digest is
// compared with, so it does the same kind of work and nothing clever.
import { readFileSync } from "node:fs";
import path from "node:path";

const here = import.meta.dirname;
const template = (name) => readFileSync(path.join(here, "templates", name), "utf8");
const PAGE_SIZE = 10;

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function termsOf(data) {
  const companies = asList(data.company);
  const models = asList(data.models).map((model) =>
    typeof model === "string"
      ? { name: model, company: companies[0] }
      : { name: model.name, company: model.company },
  );
  return [
    ...companies.map((name) => ({ kind: "companies", name, slug: slug(name) })),
    ...models.map((model) => ({
      kind: "models",
      name: `${model.company} ${model.name}`,
      slug: `${slug(model.company)}-${slug(model.name)}`,
    })),
    ...asList(data.partners).map((partner) => {
      const name = typeof partner === "string" ? partner : partner.name;
      return { kind: "partners", name, slug: slug(name) };
    }),
  ];
}

const newestArticles = (api) =>
  api
    .getAll()
    .filter((item) => item.inputPath.includes("/articles/"))
    .sort((a, b) => b.date - a.date);

export default function (eleventyConfig) {
  // The corpus lives in a git-ignored folder; Eleventy would otherwise skip every file.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add("registry/**");

  eleventyConfig.addGlobalData("layout", "article.njk");

  eleventyConfig.addCollection("articles", newestArticles);

  // One entry per page of every term's list: the documented way to paginate over tags.
  eleventyConfig.addCollection("termPages", (api) => {
    const terms = new Map();
    for (const article of newestArticles(api)) {
      for (const term of termsOf(article.data)) {
        const key = `${term.kind}/${term.slug}`;
        if (!terms.has(key)) terms.set(key, { ...term, articles: [] });
        terms.get(key).articles.push(article);
      }
    }
    const pages = [];
    for (const term of terms.values()) {
      const totalPages = Math.ceil(term.articles.length / PAGE_SIZE);
      for (let pageNumber = 1; pageNumber <= totalPages; pageNumber++) {
        const start = (pageNumber - 1) * PAGE_SIZE;
        pages.push({
          ...term,
          pageNumber,
          totalPages,
          items: term.articles.slice(start, start + PAGE_SIZE),
        });
      }
    }
    return pages;
  });

  eleventyConfig.addFilter("termsOf", termsOf);
  eleventyConfig.addFilter("isFirstPageOf", (pages, kind) =>
    pages.filter((page) => page.kind === kind && page.pageNumber === 1),
  );

  eleventyConfig.addTemplate("_includes/base.njk", template("base.njk"));
  eleventyConfig.addTemplate("_includes/article.njk", template("article.njk"));
  eleventyConfig.addTemplate("index.njk", template("index.njk"));
  eleventyConfig.addTemplate("term.njk", template("term.njk"));
  eleventyConfig.addTemplate("directory.njk", template("directory.njk"));

  return {
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
