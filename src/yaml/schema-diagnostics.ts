import type { Document, LineCounter } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../suggest.ts";
import { placeIn, type YamlPlaces, yamlPlaces } from "./locate-in-yaml.ts";

/** Keys Eleventy would obey if an article could set them; named so the message can say why. */
const ELEVENTY_KEYS = new Set([
  "permalink",
  "layout",
  "tags",
  "eleventyComputed",
  "eleventyExcludeFromCollections",
  "eleventyNavigation",
  "pagination",
  "templateEngineOverride",
  "eleventyImport",
  "dynamicPermalink",
  "permalinkBypassOutputDir",
]);

export interface SchemaContext {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  /** The keys allowed at the top level, for "did you mean" suggestions. */
  knownKeys: readonly string[];
  /** How to write each top-level field, used as the fix. */
  fieldHelp: Readonly<Record<string, string>>;
  /** What the file is, for messages about unknown keys: "an article", "the site settings". */
  describedAs: string;
}

function unknownKeyDiagnostic(
  key: string,
  parentPath: readonly PropertyKey[],
  context: SchemaContext,
  places: YamlPlaces,
): Diagnostic {
  const place = placeIn(places, [...parentPath, key], "key");
  const base = { file: context.file, ...place, severity: "error" as const };
  if (parentPath.length === 0 && ELEVENTY_KEYS.has(key)) {
    return {
      ...base,
      ruleId: "reserved-key",
      message: `"${key}" is decided by the site, not by ${context.describedAs}`,
      fix: "remove this line; URLs and layouts come from the slug and the templates",
    };
  }
  // Keys are case-sensitive: `timezone` is a typo of `timeZone`, not the same key.
  const suggestion =
    parentPath.length === 0 ? closestMatch(key, context.knownKeys, (name) => name) : undefined;
  return {
    ...base,
    ruleId: "unknown-key",
    message: `unknown field "${key}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}`,
    fix: suggestion
      ? `rename it to "${suggestion}"`
      : parentPath.length === 0
        ? `remove it; ${context.describedAs} may set: ${context.knownKeys.join(", ")}`
        : `remove it, or correct its spelling (the fields are listed in docs/editing.md)`,
  };
}

/** Turns a schema library's issues into located, editor-worded diagnostics. */
export function schemaIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  context: SchemaContext,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const places = yamlPlaces(context.document, context.lineCounter);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        diagnostics.push(unknownKeyDiagnostic(key, issue.path, context, places));
      }
      continue;
    }
    // Help is kept per top-level field (articles) or per entry field (registry lists).
    const lastKey = issue.path.findLast((segment) => typeof segment === "string");
    const field = [String(issue.path[0] ?? ""), String(lastKey ?? "")].find(
      (key) => context.fieldHelp[key],
    );
    // Finished Zod issues carry no input, so whether the field was written is read from the YAML.
    const isMissing =
      (issue.code === "invalid_type" || issue.code === "invalid_union") &&
      !context.document.hasIn(issue.path);
    const place = placeIn(places, issue.path, isMissing ? "key" : "value");
    diagnostics.push({
      file: context.file,
      ...place,
      severity: "error",
      ruleId: isMissing ? "missing-field" : "invalid-field",
      // A union's message describes a wrong value; for an absent field, say that it is absent.
      message: isMissing ? `${String(issue.path.at(-1))} is missing` : issue.message,
      ...(field ? { fix: context.fieldHelp[field] } : {}),
    });
  }
  return diagnostics;
}
