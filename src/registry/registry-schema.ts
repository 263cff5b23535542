import { z } from "zod";

/** How to write each registry field, shown as the fix of a message about it. */
export const REGISTRY_HELP: Record<string, string> = {
  name: "give the canonical name as it should appear on pages: `name: Chery`",
  aliases: "list other spellings, in any script: `aliases: [Чери, Chery Automobile]`",
  formerly:
    "list names the entity had before, whose old pages should redirect: `formerly: [Moskvitch]`",
  description: "describe it in one or two sentences",
  country: "name the country: `country: China`",
  website: "give the address starting with https://",
  company: "name the company the model belongs to: `company: Chery`",
  body: "name the body type: `body: crossover`",
};

const names = (field: string) =>
  z
    .array(
      z
        .string({ error: `each of ${field} must be text` })
        .trim()
        .min(1),
      {
        error: `${field} must be a list of names`,
      },
    )
    .default([]);

const common = {
  name: z.string({ error: "name is missing" }).trim().min(1, { error: "name is empty" }),
  aliases: names("aliases"),
  formerly: names("formerly"),
  description: z.string({ error: "description must be text" }).trim().optional(),
};

const organization = z.strictObject(
  {
    ...common,
    country: z.string({ error: "country must be text" }).trim().optional(),
    website: z
      .url({ protocol: /^https?$/, error: "website must be an address starting with https://" })
      .optional(),
  },
  { error: "each entry must be a mapping with at least `name`" },
);

const model = z.strictObject(
  {
    ...common,
    company: z.string({ error: "company is missing" }).trim().min(1),
    body: z.string({ error: "body must be text" }).trim().optional(),
  },
  { error: "each entry must be a mapping with at least `name` and `company`" },
);

/** Each registry file is a list under one key, so the file says what it holds. */
export const companiesFileSchema = z.strictObject({ companies: z.array(organization).default([]) });
export const modelsFileSchema = z.strictObject({ models: z.array(model).default([]) });
export const partnersFileSchema = z.strictObject({ partners: z.array(organization).default([]) });

export type OrganizationEntry = z.output<typeof organization>;
export type ModelEntry = z.output<typeof model>;
