import { stringify } from "yaml";
import {
  type createArticleSchema,
  FIELD_HELP,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
  PARTNER_STATUSES,
} from "../content/article-schema.ts";
import { IMAGES_FOLDER } from "../content/lead-image.ts";
import { REGISTRY_FOLDER } from "../registry/load-registry.ts";
import type { CmsSettings } from "../settings/site-settings.ts";
import { adminUrl } from "../urls.ts";

/** A Decap CMS field, as its configuration writes it. */
export type DecapField = { name: string; label: string; widget: string } & Record<string, unknown>;

type ArticleKey = keyof ReturnType<typeof createArticleSchema>["shape"];

const DAY = {
  widget: "datetime",
  format: "YYYY-MM-DD",
  date_format: "YYYY-MM-DD",
  time_format: false,
};

/** Decap's own check of a value typed in a field: a pattern and what to say when it fails. */
const pattern = (regex: string, message: string) => ({ pattern: [regex, message] });

const NOT_LISTED = (kind: string, file: string) =>
  `Not in the list? Add the ${kind} under Registry → ${file} first, then pick it here.`;

const registryPick = (file: string, multiple: boolean) => ({
  widget: "relation",
  collection: "registry",
  file,
  value_field: `${file}.*.name`,
  search_fields: [`${file}.*.name`],
  multiple,
});

/**
 * Every front-matter field of an article, in the schema's words: the record is keyed by the
 * schema's own keys, so a field added to the schema does not compile until it is here.
 * `hint` is the schema's FIELD_HELP unless the editor needs to be told something else.
 */
const ARTICLE_FIELDS: Record<ArticleKey, Omit<DecapField, "name">> = {
  title: {
    label: "Title",
    widget: "string",
    ...pattern(`^[\\s\\S]{1,${MAX_TITLE_LENGTH}}$`, `At most ${MAX_TITLE_LENGTH} characters`),
    hint: "The headline as readers see it.",
  },
  // Today, as `npm run new` dates a new article.
  date: {
    label: "Date",
    ...DAY,
    default: "{{now}}",
    hint: "The day of the news, in the site's time zone.",
  },
  updated: { label: "Updated", ...DAY, required: false, hint: "Only if the story was updated." },
  company: {
    label: "Company",
    ...registryPick("companies", true),
    min: 1,
    hint: NOT_LISTED("company", "Companies"),
  },
  models: {
    label: "Models",
    ...registryPick("models", true),
    // Decap cannot narrow one relation by another: each model is shown with its company.
    display_fields: ["models.*.company", "models.*.name"],
    required: false,
    hint: NOT_LISTED("model", "Models"),
  },
  partners: {
    label: "Partners",
    widget: "list",
    required: false,
    default: [],
    summary: "{{fields.name}} ({{fields.status}})",
    fields: [
      {
        name: "name",
        label: "Partner",
        ...registryPick("partners", false),
        hint: NOT_LISTED("partner", "Partners"),
      },
      {
        name: "status",
        label: "Status",
        widget: "select",
        options: [...PARTNER_STATUSES],
        default: "mentioned",
      },
    ],
  },
  summary: {
    label: "Summary",
    widget: "text",
    required: false,
    ...pattern(`^[\\s\\S]{1,${MAX_SUMMARY_LENGTH}}$`, `At most ${MAX_SUMMARY_LENGTH} characters`),
    hint: "One or two sentences for lists and search results.",
  },
  source: {
    label: "Source",
    widget: "object",
    required: false,
    fields: [
      // Decap checks an optional object's fields even when it is left empty: `check` says
      // when an address is given without a name.
      {
        name: "name",
        label: "Name",
        widget: "string",
        required: false,
        hint: "Who reported it: TASS, Autostat…",
      },
      {
        name: "url",
        label: "Source address",
        widget: "string",
        required: false,
        ...pattern("^https?://\\S+$", "A web address starting with https://"),
      },
    ],
  },
  slug: {
    label: "Article address",
    widget: "string",
    required: false,
    ...pattern("^[a-z0-9]+(-[a-z0-9]+)*$", "Lower-case letters, digits and hyphens only"),
    hint: "Leave empty: the title gives it, as `npm run new` does. It becomes the file name and the article's address, and stays when the title changes.",
  },
  draft: {
    label: "Draft",
    widget: "boolean",
    default: true,
    hint: "Drafts are left out of the published site. Switch off to publish.",
  },
  corrections: {
    label: "Corrections",
    widget: "list",
    required: false,
    default: [],
    summary: "{{fields.date}}: {{fields.text}}",
    fields: [
      { name: "date", label: "Correction date", ...DAY, default: "{{now}}" },
      { name: "text", label: "Correction text", widget: "text" },
    ],
  },
  autolink: {
    label: "Link names in the text",
    widget: "boolean",
    default: true,
    required: false,
    hint: FIELD_HELP.autolink,
  },
  image: {
    label: "Lead picture",
    widget: "image",
    required: false,
    choose_url: false,
    hint: "JPEG, PNG, WebP or AVIF. Describe it below.",
  },
  image_alt: {
    label: "Picture description (alt text)",
    widget: "string",
    required: false,
    hint: "Required with a picture: what it shows, for readers who cannot see it.",
  },
  image_caption: { label: "Caption", widget: "string", required: false },
  image_credit: { label: "Credit", widget: "string", required: false },
};

/** The schema's keys, in the order the editor shows them. */
export const ARTICLE_FIELD_NAMES = Object.keys(ARTICLE_FIELDS) as ArticleKey[];

/**
 * The article text: the formatting a news text needs, and no picture or code block, since
 * pictures in the text are refused by `check` (the article's picture is its lead picture).
 */
const BODY_FIELD: DecapField = {
  name: "body",
  label: "Text",
  widget: "markdown",
  buttons: [
    "bold",
    "italic",
    "link",
    "heading-two",
    "heading-three",
    "quote",
    "bulleted-list",
    "numbered-list",
  ],
  editor_components: [],
  modes: ["rich_text", "raw"],
};

const text = (name: string, label: string, required = false): DecapField => ({
  name,
  label,
  widget: "string",
  required,
});
const names = (name: string, label: string): DecapField => ({
  name,
  label,
  widget: "list",
  required: false,
  hint: "Other spellings, in any script, one per item.",
});

/** A company's or a partner's entry: the registry reads both alike. */
const ORGANIZATION_FIELDS: DecapField[] = [
  text("name", "Name", true),
  names("aliases", "Other spellings"),
  names("formerly", "Former names"),
  { ...text("description", "Description"), widget: "text" },
  text("country", "Country"),
  text("website", "Website"),
];

/** The registry files' entries, field by field as src/registry/registry-schema.ts reads them. */
export const REGISTRY_ENTRY_FIELDS: Record<"companies" | "models" | "partners", DecapField[]> = {
  companies: ORGANIZATION_FIELDS,
  models: [
    text("name", "Name", true),
    {
      name: "company",
      label: "Company",
      ...registryPick("companies", false),
      hint: NOT_LISTED("company", "Companies"),
    },
    names("aliases", "Other spellings"),
    names("formerly", "Former names"),
    { ...text("description", "Description"), widget: "text" },
    text("body", "Body type"),
  ],
  partners: ORGANIZATION_FIELDS,
};

export interface DecapConfigOptions {
  /** The repository and branch the editor opens pull requests on. */
  cms: CmsSettings;
  /** The content folder, relative to the repository's root, with `/`: usually `content`. */
  contentPath: string;
  /** The local backend's API address, for `npm run cms`; GitHub when absent. */
  localBackend?: string;
  /** The published site, so the editor can link to it. */
  siteUrl: string;
}

/** The whole Decap CMS configuration, as an object: see `decapConfigYaml` for the file. */
export function decapConfig(options: DecapConfigOptions): Record<string, unknown> {
  const { cms, contentPath } = options;
  const registryFile = (file: keyof typeof REGISTRY_ENTRY_FIELDS, label: string) => ({
    name: file,
    label,
    file: `${contentPath}/${REGISTRY_FOLDER}/${file}.yaml`,
    fields: [
      {
        name: file,
        label,
        widget: "list",
        summary: "{{fields.name}}",
        fields: REGISTRY_ENTRY_FIELDS[file],
      },
    ],
  });
  return {
    backend: {
      name: "github",
      repo: cms.repo,
      branch: cms.branch,
      ...(cms.baseUrl ? { base_url: cms.baseUrl } : {}),
    },
    ...(options.localBackend ? { local_backend: { url: options.localBackend } } : {}),
    publish_mode: "editorial_workflow",
    site_url: options.siteUrl,
    media_folder: `${contentPath}/${IMAGES_FOLDER}`,
    // `image:` names the file alone; the build looks for it in content/images/.
    public_folder: "",
    // The preview pane would need more of the page policy; `npm start` is the preview.
    editor: { preview: false },
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "articles",
        label: "Articles",
        label_singular: "Article",
        folder: `${contentPath}/articles`,
        extension: "md",
        format: "frontmatter",
        create: true,
        delete: true,
        identifier_field: "title",
        // The address field is filled from the title, transliterated as `npm run new` does,
        // before Decap names the file (see admin/slug script).
        slug: "{{fields.slug}}",
        summary: "{{title}} ({{date}})",
        sortable_fields: ["date", "title"],
        fields: [
          ...ARTICLE_FIELD_NAMES.map((name) => ({ name, ...ARTICLE_FIELDS[name] })),
          BODY_FIELD,
        ],
      },
      {
        name: "registry",
        label: "Registry",
        label_singular: "Registry file",
        description: "Companies, models and partners: add a name here before using it.",
        format: "yaml",
        delete: false,
        files: [
          registryFile("companies", "Companies"),
          registryFile("models", "Models"),
          registryFile("partners", "Partners"),
        ],
      },
    ],
  };
}

/** `config.yml` as the editor fetches it from `/admin/config.yml`. */
export function decapConfigYaml(options: DecapConfigOptions): string {
  return `# Written by the build from the article schema and content/site.yaml: do not edit.\n${stringify(decapConfig(options))}`;
}

/** Where the editor loads its configuration from. */
export const DECAP_CONFIG_URL = adminUrl("config.yml");
