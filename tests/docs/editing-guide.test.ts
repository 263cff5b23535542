import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateArticle } from "../../src/content/validate-article.ts";
import { loadRegistry } from "../../src/registry/load-registry.ts";
import { ruleIdsIn } from "../support/rule-ids.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GUIDE = readFileSync(path.join(ROOT, "docs/editing.md"), "utf8");
const USES = ruleIdsIn(path.join(ROOT, "src"));
const EMITTED = [...new Set(USES.map((use) => use.ruleId))].sort();

/** The text of a `## ` section, up to the next one. */
function section(heading: string): string {
  const start = GUIDE.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`the guide has no section "${heading}"`);
  const end = GUIDE.indexOf("\n## ", start + 1);
  return GUIDE.slice(start, end === -1 ? undefined : end);
}

/** The rules the Messages section explains: one list item per rule, starting with its name. */
function explainedRules(): string[] {
  return [...section("Messages").matchAll(/^- `([a-z0-9-]+)`/gm)].map((match) => match[1] ?? "");
}

describe("the editors' guide", () => {
  it("reads rule IDs from properties, helper arguments, conditions and templates", () => {
    expect(EMITTED).toEqual(
      expect.arrayContaining([
        "yaml-syntax",
        "empty-file",
        "model-wrong-company",
        "missing-field",
        "invalid-field",
        "unknown-company",
        "unknown-model",
        "unknown-partner",
      ]),
    );
  });

  it("explains every rule ID the code can emit under Messages", () => {
    const explained = new Set(explainedRules());

    const missing = USES.filter((use) => !explained.has(use.ruleId)).map(
      (use) => `${use.ruleId} (${use.where})`,
    );

    expect(missing).toEqual([]);
  });

  it("explains no rule ID the code no longer emits", () => {
    expect(explainedRules().filter((ruleId) => !EMITTED.includes(ruleId))).toEqual([]);
  });

  it("explains each rule once", () => {
    const rules = explainedRules();

    expect(rules.filter((ruleId, index) => rules.indexOf(ruleId) !== index)).toEqual([]);
  });

  it("gives a front-matter example that the validator accepts with the project's registry", async () => {
    const example = /```markdown\n([\s\S]*?)```/.exec(section("Front-matter reference"))?.[1];
    const { registry } = await loadRegistry(path.join(ROOT, "content"));

    const result = validateArticle(
      { file: "docs/editing.md", baseName: "chery-localization-russia", text: example ?? "" },
      "Europe/Moscow",
      registry,
    );

    expect(result.diagnostics).toEqual([]);
    expect(result.article?.partners.map((partner) => partner.name)).toEqual(["UAZ", "Moskvich"]);
  });
});
