import { z } from "zod";
import { type ArticleDate, parseArticleDate } from "../dates.ts";
import { isSafeSlug } from "../urls.ts";

/**
 * The front-matter model. The schema is the single description of an article's fields:
 * the types below are inferred from it, and `FIELD_HELP` tells editors how to write each one.
 */
export const PARTNER_STATUSES = ["mentioned", "in-talks", "confirmed", "denied"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** How to write each field, shown as the fix of a message about it. */
export const FIELD_HELP: Record<string, string> = {
  title:
    'write the headline as text, in quotes if it contains `#` or `: `: `title: "Chery #1 in Russia"`',
  date: "write the day as `date: 2022-06-01`, or a moment with its offset: `date: 2022-06-01T23:30:00+03:00`",
  updated: "write the day as `updated: 2022-06-02`, or a moment with its offset",
  company: "name the company: `company: Chery`, or several as a list: `company: [Chery, Geely]`",
  models:
    "name the models as a list: `models: [Tiggo 4 Pro]`; with several companies say whose: `- { name: Atlas, company: Geely }`",
  partners: `list the partners: \`partners: [UAZ]\` or \`- { name: UAZ, status: in-talks }\`; status is one of ${PARTNER_STATUSES.join(", ")}`,
  summary: "write the summary as one line of text, in quotes if it contains `#` or `: `",
  source: "write the source as `source: { name: TASS, url: https://tass.com/… }` (url is optional)",
  slug: "use lower-case letters, digits and hyphens only: `slug: chery-localization-russia`",
  draft: "write `draft: true` or `draft: false`",
  image:
    "name the lead picture, a file beside the article or in content/images/: `image: tiggo-4-pro.jpg`",
  image_alt: "describe the lead picture as text: `image_alt: Chery Tiggo 4 Pro on a test track`",
  image_caption: "write the caption as one line of text",
  image_credit: "write who took the picture as text: `image_credit: Chery press office`",
  autolink: "write `autolink: false` to keep company, model and partner names in the text unlinked",
  corrections:
    'list each correction with its day: `corrections: [{ date: 2022-06-03, text: "The plant is in Tula, not Kaluga." }]`',
};

export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 1000;

const text = (field: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${field} is missing` : `${field} must be text`,
    })
    .trim();

const requiredText = (field: string, maxLength: number) =>
  text(field)
    .min(1, { error: `${field} is empty` })
    .max(maxLength, { error: `${field} is longer than ${maxLength} characters` });

const termName = (field: string) =>
  z
    .string({ error: `each ${field} must be a name (text)` })
    .min(1, { error: `a ${field} is empty` });

/** A name or a list of names, always a list afterwards so templates never loop over letters. */
const oneOrMany = <T extends z.ZodType>(item: T, field: string) =>
  z
    .union([item, z.array(item, { error: `${field} must be a name or a list of names` })], {
      error: `${field} must be a name or a list of names`,
    })
    .transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const modelEntry = z.union(
  [
    termName("model"),
    z.strictObject(
      { name: termName("model"), company: termName("company") },
      { error: "a model must be a name or `{ name, company }`" },
    ),
  ],
  { error: "a model must be a name or `{ name, company }`" },
);

const partnerEntry = z.union(
  [
    termName("partner"),
    z.strictObject(
      {
        name: termName("partner"),
        status: z
          .enum(PARTNER_STATUSES, {
            error: `status must be one of ${PARTNER_STATUSES.join(", ")}`,
          })
          .default("mentioned"),
      },
      { error: "a partner must be a name or `{ name, status }`" },
    ),
  ],
  { error: "a partner must be a name or `{ name, status }`" },
);

const dateField = (field: string, timeZone: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${field} is missing`
          : `${field} must be a date like 2022-06-01`,
    })
    .transform((value, context): ArticleDate => {
      const result = parseArticleDate(value, timeZone);
      if (result.ok) return result.date;
      context.addIssue({
        code: "custom",
        message:
          result.reason === "impossible"
            ? `${field} "${value}" is not a real calendar date`
            : `${field} "${value}" is not a date like 2022-06-01 or 2022-06-01T23:30:00+03:00`,
      });
      return z.NEVER;
    });

const sourceField = z.strictObject(
  {
    name: requiredText("source name", 200),
    url: z
      .url({
        protocol: /^https?$/,
        error: "source url must be a web address starting with https:// or http://",
      })
      .optional(),
  },
  { error: "source must be `{ name, url }`" },
);

const correctionsField = (timeZone: string) =>
  z.array(
    z.strictObject(
      {
        date: dateField("correction date", timeZone),
        text: requiredText("correction text", MAX_SUMMARY_LENGTH),
      },
      { error: "a correction must be `{ date, text }`" },
    ),
    { error: "corrections must be a list of `{ date, text }`" },
  );

export function createArticleSchema(timeZone: string) {
  return z.strictObject({
    title: requiredText("title", MAX_TITLE_LENGTH),
    date: dateField("date", timeZone),
    updated: dateField("updated", timeZone).optional(),
    company: oneOrMany(termName("company"), "company").refine((list) => list.length > 0, {
      error: "company is an empty list",
    }),
    models: oneOrMany(modelEntry, "models").default([]),
    partners: oneOrMany(partnerEntry, "partners").default([]),
    summary: requiredText("summary", MAX_SUMMARY_LENGTH).optional(),
    source: sourceField.optional(),
    slug: z
      .string({ error: "slug must be text" })
      .refine(isSafeSlug, { error: "slug may hold only lower-case letters, digits and hyphens" })
      .optional(),
    draft: z.boolean({ error: "draft must be true or false" }).default(false),
    corrections: correctionsField(timeZone).default([]),
    autolink: z.boolean({ error: "autolink must be true or false" }).default(true),
    image: requiredText("image", 300).optional(),
    image_alt: requiredText("image_alt", MAX_SUMMARY_LENGTH).optional(),
    image_caption: requiredText("image_caption", MAX_SUMMARY_LENGTH).optional(),
    image_credit: requiredText("image_credit", 300).optional(),
  });
}

export type ArticleFrontMatter = z.output<ReturnType<typeof createArticleSchema>>;
export type ModelEntry = ArticleFrontMatter["models"][number];
export type PartnerEntry = ArticleFrontMatter["partners"][number];

/** The keys an article may set; anything else is a typo or an attempt to set Eleventy's own keys. */
export const ARTICLE_KEYS = Object.keys(createArticleSchema("UTC").shape);
