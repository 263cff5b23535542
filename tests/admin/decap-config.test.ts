import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { ARTICLE_FIELD_NAMES, decapConfig, decapConfigYaml } from "../../src/admin/decap-config.ts";
import { ARTICLE_KEYS } from "../../src/content/article-schema.ts";
import { IMAGES_FOLDER } from "../../src/content/lead-image.ts";
import {
  companiesFileSchema,
  modelsFileSchema,
  partnersFileSchema,
} from "../../src/registry/registry-schema.ts";
import { adminMetaPolicy, headersFile } from "../../src/security-policy.ts";

const OPTIONS = {
  cms: { repo: "newsroom/news-digest", branch: "main" },
  contentPath: "content",
  siteUrl: "https://news-digest.example.org/",
};

/**
 * What Decap CMS's documentation requires of a configuration for the GitHub backend and the
 * editorial workflow, mirrored in zod: the keys it needs and the type of each.
 */
const field: z.ZodType = z.lazy(() =>
  z.looseObject({
    name: z.string().min(1),
    label: z.string().min(1),
    widget: z.enum([
      "string",
      "text",
      "datetime",
      "relation",
      "list",
      "select",
      "object",
      "boolean",
      "image",
      "markdown",
    ]),
    required: z.boolean().optional(),
    hint: z.string().optional(),
    pattern: z.tuple([z.string(), z.string()]).optional(),
    fields: z.array(field).optional(),
  }),
);
const collection = z.looseObject({
  name: z.string().min(1),
  label: z.string().min(1),
  folder: z.string().optional(),
  files: z
    .array(z.looseObject({ name: z.string(), file: z.string(), fields: z.array(field) }))
    .optional(),
  fields: z.array(field).optional(),
});
const githubConfig = z.looseObject({
  backend: z.strictObject({
    name: z.literal("github"),
    repo: z.string().regex(/^[^/]+\/[^/]+$/),
    branch: z.string().min(1),
    base_url: z.url().optional(),
  }),
  publish_mode: z.literal("editorial_workflow"),
  media_folder: z.string().min(1),
  public_folder: z.string(),
  slug: z.strictObject({
    encoding: z.literal("ascii"),
    clean_accents: z.literal(true),
    sanitize_replacement: z.string(),
  }),
  collections: z.array(collection).min(1),
});

const config = decapConfig(OPTIONS);
const articles = (
  config.collections as Array<{ name: string; fields: Array<{ name: string }> }>
).find((entry) => entry.name === "articles");

describe("the web editor's configuration", () => {
  it("is a configuration for the GitHub backend and the editorial workflow, as Decap documents it", () => {
    expect(githubConfig.safeParse(parse(decapConfigYaml(OPTIONS))).error).toBeUndefined();
  });

  it("names the OAuth proxy of the site settings as the backend's base_url", () => {
    const withProxy = decapConfig({
      ...OPTIONS,
      cms: { ...OPTIONS.cms, baseUrl: "https://auth.newsroom.example.org" },
    });
    expect(withProxy.backend).toEqual({
      name: "github",
      repo: "newsroom/news-digest",
      branch: "main",
      base_url: "https://auth.newsroom.example.org",
    });
  });

  it("has a field for every key of the article schema, and the body, and nothing else", () => {
    expect([...ARTICLE_FIELD_NAMES].sort()).toEqual([...ARTICLE_KEYS].sort());
    expect(articles?.fields.map((entry) => entry.name)).toEqual([...ARTICLE_FIELD_NAMES, "body"]);
  });

  it("offers no picture or code block in the text, which check would refuse", () => {
    const body = articles?.fields.find((entry) => entry.name === "body") as Record<string, unknown>;
    expect(body.editor_components).toEqual([]);
    expect(body.buttons).not.toContain("code-block");
  });

  // Decap writes an upload to `media_folder`/<name> and the field's value as
  // `public_folder`/<name>: the file lands in content/images/ and `image:` names it alone,
  // which is where and how findLeadImage looks (tests/browser/editor.test.ts uploads one).
  it("stores an uploaded lead picture in content/images/ and writes its file name alone in image:", () => {
    expect(config.media_folder).toBe(`content/${IMAGES_FOLDER}`);
    expect(config.public_folder).toBe("");
    const image = articles?.fields.find((entry) => entry.name === "image");
    expect(image).toMatchObject({ widget: "image", choose_url: false });
    // A field's own folders would override the site's: the picture would land elsewhere.
    expect(image).not.toHaveProperty("media_folder");
    expect(image).not.toHaveProperty("public_folder");
  });

  it("stores the pictures of a content folder outside content/ in that folder's images/", () => {
    const elsewhere = decapConfig({ ...OPTIONS, contentPath: "sites/autodigest/content" });
    expect(elsewhere.media_folder).toBe("sites/autodigest/content/images");
    expect(elsewhere.public_folder).toBe("");
  });

  it("asks for the local backend only when told its address", () => {
    expect(config.local_backend).toBeUndefined();
    expect(
      decapConfig({ ...OPTIONS, localBackend: "http://127.0.0.1:8081/api/v1" }).local_backend,
    ).toEqual({
      url: "http://127.0.0.1:8081/api/v1",
    });
  });

  it.each([
    ["companies", companiesFileSchema.shape.companies.unwrap().element.shape],
    ["models", modelsFileSchema.shape.models.unwrap().element.shape],
    ["partners", partnersFileSchema.shape.partners.unwrap().element.shape],
  ])("edits every field the %s registry file may hold", (file, shape) => {
    const registry = (config.collections as Array<Record<string, unknown>>).find(
      (entry) => entry.name === "registry",
    ) as {
      files: Array<{
        name: string;
        file: string;
        fields: Array<{ fields: Array<{ name: string }> }>;
      }>;
    };
    const entry = registry.files.find((candidate) => candidate.name === file);
    expect(entry?.file).toBe(`content/registry/${file}.yaml`);
    expect(entry?.fields[0]?.fields.map((item) => item.name).sort()).toEqual(
      Object.keys(shape).sort(),
    );
  });
});

describe("the web editor's page policy", () => {
  // Decap reads an uploaded picture back from its blob: URL to save it; without
  // `connect-src blob:` the save fails ("Failed to fetch") and writes nothing at all.
  it.each([
    ["the page's meta policy", adminMetaPolicy()],
    ["the page's meta policy with the local backend", adminMetaPolicy("http://127.0.0.1:8081")],
    [
      "the /admin/* header",
      headersFile()
        .split("\n")
        .filter((line) => line.includes("connect-src"))
        .join(""),
    ],
  ])("lets the editor read an uploaded picture back to save it: %s", (_where, policy) => {
    expect(policy).toMatch(/connect-src [^;]*blob:/);
  });
});
