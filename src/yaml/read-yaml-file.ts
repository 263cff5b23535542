import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type ParsedYaml, parseYamlDocument } from "./parse-yaml.ts";
import { schemaIssuesToDiagnostics } from "./schema-diagnostics.ts";

export type DataFileResult<T> =
  | { ok: true; value: T; yaml: ParsedYaml }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses and validates a plain YAML data file (site settings, the registry) with located messages. */
export function readYamlData<S extends z.ZodObject>(
  text: string,
  file: string,
  schema: S,
  options: { fieldHelp: Readonly<Record<string, string>>; describedAs: string },
): DataFileResult<z.output<S>> {
  const parsed = parseYamlDocument(text, file);
  if (!parsed.ok) return parsed;
  const result = schema.safeParse(parsed.yaml.data ?? {});
  if (result.success) return { ok: true, value: result.data, yaml: parsed.yaml };
  return {
    ok: false,
    diagnostics: schemaIssuesToDiagnostics(result.error.issues, {
      file,
      document: parsed.yaml.document,
      lineCounter: parsed.yaml.lineCounter,
      knownKeys: Object.keys(schema.shape),
      ...options,
    }),
  };
}
