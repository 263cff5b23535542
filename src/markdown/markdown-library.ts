import { renderMarkdown } from "./render-markdown.ts";

/**
 * The Markdown engine Eleventy uses for any `.md` template: the same sanitizing remark
 * processor as articles, with no template language run first.
 */
export const markdownLibrary = {
  render(markdown: string): string {
    return renderMarkdown(markdown).html;
  },
};
