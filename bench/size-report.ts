/**
 * The published size of a built site, by section and by kind of file, per article:
 * `tsx bench/size-report.ts <output folder> <articles>`.
 */
import { type OutputSize, outputBreakdown } from "./output-size.ts";

const [folder, articlesArgument] = process.argv.slice(2);
const articles = Number(articlesArgument);
if (!folder || !Number.isInteger(articles) || articles < 1) {
  console.error("Usage: tsx bench/size-report.ts <output folder> <number of articles>");
  process.exit(2);
}

const { total, sections, kinds } = await outputBreakdown(folder);

function rows(title: string, sizes: Iterable<[string, OutputSize]>): string[] {
  const sorted = [...sizes].sort(([, a], [, b]) => b.bytes - a.bytes);
  return [
    `| ${title} | files | bytes | bytes per article | share |`,
    "| --- | --- | --- | --- | --- |",
    ...sorted.map(
      ([name, size]) =>
        `| ${name} | ${size.files} | ${size.bytes} | ${Math.round(size.bytes / articles)} | ${((100 * size.bytes) / total.bytes).toFixed(1)} % |`,
    ),
    `| all | ${total.files} | ${total.bytes} | ${Math.round(total.bytes / articles)} | 100 % |`,
  ];
}

console.log(
  [
    `${folder}: ${articles} articles`,
    "",
    ...rows("section", sections),
    "",
    ...rows("kind", kinds),
  ].join("\n"),
);
