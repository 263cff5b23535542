import type { EleventyConfig } from "@11ty/eleventy";
import {
  newsForEleventy,
  newsOptionsFromEnvironment,
  previewPicturesFromEnvironment,
  publishedPathPrefix,
} from "./src/eleventy/news-data.ts";
import { importTypeScriptData } from "./src/eleventy/typescript-data.ts";
import { markdownLibrary } from "./src/markdown/markdown-library.ts";
import { STATIC_ASSETS } from "./src/project-paths.ts";
import {
  headersFile,
  META_CONTENT_SECURITY_POLICY,
  REFERRER_POLICY,
} from "./src/security-policy.ts";
import { absoluteUrl, publishedUrl } from "./src/urls.ts";

export default function configure(eleventyConfig: EleventyConfig) {
  const newsOptions = newsOptionsFromEnvironment(process.env);

  // Data: the core validates all content and precomputes every page before Eleventy writes
  const previewPictures = previewPicturesFromEnvironment(process.env);
  eleventyConfig.addGlobalData("news", () => newsForEleventy(newsOptions, previewPictures));
  eleventyConfig.addWatchTarget(newsOptions.contentDir);
  // Paginated templates take their permalink and computed titles from `<template>.11tydata.ts`
  eleventyConfig.addDataExtension("ts", { parser: importTypeScriptData, read: false });
  eleventyConfig.addGlobalData("security", {
    contentSecurityPolicy: META_CONTENT_SECURITY_POLICY,
    referrerPolicy: REFERRER_POLICY,
    headersFile,
  });

  // Templates: escape every value by default; a typo in a template variable fails the build
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  // Every site URL a page links goes through `url`: `/articles/x/` → `/news-digest/articles/x/`
  eleventyConfig.addFilter("url", (url: string) => publishedUrl(publishedPathPrefix(), url));

  // Markdown: one sanitizing remark processor, never preceded by a template language
  eleventyConfig.setLibrary("md", markdownLibrary);

  // Assets
  eleventyConfig.addPassthroughCopy({ [STATIC_ASSETS.folder]: STATIC_ASSETS.outputFolder });

  // Dev server
  eleventyConfig.setServerOptions({ showAllHosts: false });

  return {
    // The output folder is chosen by each command: builds render into a staging folder first.
    dir: { input: "templates", includes: "partials", layouts: "layouts" },
    templateFormats: ["njk", "md"],
    htmlTemplateEngine: "njk",
    markdownTemplateEngine: false,
  };
}
