import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";

type Mention = string | { name: string; company?: string };

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Hugo's taxonomies take lists of names, so company, model and partner mentions are flattened
 * into them; a model is named with its company, as news-digest files models under companies.
 */
export function toHugoArticle(text: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error("article without front-matter");
  const data = parse(match[1] as string) as Record<string, unknown>;
  const companies = asList(data.company as string | string[]);
  const models = asList(data.models as Mention[]).map((model) =>
    typeof model === "string" ? `${companies[0]} ${model}` : `${model.company} ${model.name}`,
  );
  const partners = asList(data.partners as Mention[]).map((partner) =>
    typeof partner === "string" ? partner : partner.name,
  );
  const frontMatter = {
    title: data.title,
    date: data.date,
    ...(data.summary ? { summary: data.summary } : {}),
    source: data.source,
    companies,
    models,
    partners,
  };
  return `---\n${stringify(frontMatter)}---\n${text.slice(match[0].length)}`;
}

/** Converts `<contentDir>/articles/**` into a Hugo content folder's `articles/` section. */
export async function writeHugoContent(contentDir: string, hugoContentDir: string): Promise<void> {
  const source = path.join(contentDir, "articles");
  const names = (await readdir(source, { recursive: true })).filter((n) => n.endsWith(".md"));
  for (const name of names) {
    const target = path.join(hugoContentDir, "articles", name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, toHugoArticle(await readFile(path.join(source, name), "utf8")));
  }
}
