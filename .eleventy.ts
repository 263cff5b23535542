import type { EleventyConfig } from "@11ty/eleventy";
import { NunjucksCompiledOnce } from "./src/output/nunjucks-once.ts";
import { publishedUrlFilter } from "./src/output/published-url-filter.ts";
import { singlePageTemplates } from "./src/output/single-pages.ts";
import type { SiteSource } from "./src/output/site-source.ts";
import { importTypeScriptData } from "./src/output/typescript-data.ts";
import { STATIC_ASSETS } from "./src/project-paths.ts";
import {
  headersFile,
  META_CONTENT_SECURITY_POLICY,
  REFERRER_POLICY,
} from "./src/security-policy.ts";
import { absoluteUrl } from "./src/urls.ts";

/**
 * How Eleventy writes the site from its model. Builds, the preview and tests all call this
 * with the site model they hold (`src/output/eleventy-site.ts`); nothing reaches it another way.
 */
export function configureNewsSite(eleventyConfig: EleventyConfig, site: SiteSource): void {
  // Data: content is validated and every page's data computed before Eleventy starts.
  // Frozen, Eleventy hands the model to each template as it is instead of deep-copying it
  // into every template's data (1.5 s of a 10k rebuild that writes 17 pages).
  eleventyConfig.addGlobalData("news", async () => Object.freeze(await site.news()));
  if (site.watch) eleventyConfig.addWatchTarget(site.watch);
  if (site.changed) eleventyConfig.on("eleventy.beforeWatch", site.changed);
  if (site.written) eleventyConfig.on("eleventy.after", site.written);
  // Paginated templates take their permalink and computed titles from `<template>.11tydata.ts`
  eleventyConfig.addDataExtension("ts", { parser: importTypeScriptData, read: false });
  eleventyConfig.addGlobalData("security", {
    contentSecurityPolicy: META_CONTENT_SECURITY_POLICY,
    referrerPolicy: REFERRER_POLICY,
    headersFile,
  });

  // Templates: escape every value by default; a typo in a template variable fails the build.
  // Only Nunjucks templates: article bodies arrive rendered, never through a template engine.
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  const nunjucks = new NunjucksCompiledOnce();
  eleventyConfig.amendLibrary("njk", nunjucks.useEnvironment);
  eleventyConfig.addExtension("njk", nunjucks.extension);
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  // Every site URL a page links goes through `publishedUrl`: `/articles/x/` → `/news-digest/articles/x/`
  eleventyConfig.addFilter("publishedUrl", publishedUrlFilter);

  // Assets, and the pages that read the whole site: in one of a build's runs only
  if (site.singlePages === false) {
    for (const template of singlePageTemplates()) eleventyConfig.ignores.add(template);
  } else {
    eleventyConfig.addPassthroughCopy({ [STATIC_ASSETS.folder]: STATIC_ASSETS.outputFolder });
  }

  // Folders, inside `templates/`; the output folder is chosen by each command
  eleventyConfig.setIncludesDirectory("partials");
  eleventyConfig.setLayoutsDirectory("layouts");

  // Dev server
  eleventyConfig.setServerOptions({ showAllHosts: false });
}
