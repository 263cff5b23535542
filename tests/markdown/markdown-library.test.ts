import { expect, it } from "vitest";
import { markdownLibrary } from "../../src/markdown/markdown-library.ts";

it("renders a Markdown template with the article renderer, template syntax left as text", () => {
  expect(markdownLibrary.render("**Chery** {{ title }}\n\n<script>alert(1)</script>")).toBe(
    "<p><strong>Chery</strong> {{ title }}</p>\n",
  );
});
