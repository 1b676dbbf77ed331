// zod issues → one Diagnostic each, placed at line:col, phrased for a person, with "did you mean".
import type * as z from "zod/mini";
import { type Diagnostic, byPosition, formatPath } from "../core/diagnostic.js";
import { closest, suggestKey } from "../core/suggest.js";
import { quickYamlData } from "./quick-yaml.js";
import { type ParsedYaml, parseYaml } from "./yaml.js";

/**
 * A YAML file's text as `schema`: the quick parser for a valid file, the full one (which loads
 * only then) to place each problem of an invalid one. `empty` stands for a file of comments only.
 */
export function validateYaml<S extends z.ZodMiniType>(
  schema: S,
  text: string,
  file: string,
  empty?: unknown,
): { value?: z.output<S>; problems: Diagnostic[] } {
  const data = quickYamlData(text);
  const quick = data === undefined ? undefined : schema.safeParse(data ?? empty);
  if (quick?.success) return { value: quick.data, problems: [] };
  const parsed = parseYaml(text, file);
  if (parsed.problems.length) return { problems: parsed.problems };
  return validate(schema, { ...parsed, data: parsed.data ?? empty }, file);
}

export function validate<S extends z.ZodMiniType>(
  schema: S,
  parsed: ParsedYaml,
  file: string,
): { value?: z.output<S>; problems: Diagnostic[] } {
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const hint = closest(key, known);
        const { line, col } = parsed.locate(path, true);
        problems.push({
          file,
          line,
          col,
          path: formatPath(path),
          message: `unknown field "${key}"${hint ? `; did you mean "${hint}"?` : expectedOneOf(known)}`,
          severity: "error",
        });
      }
      continue;
    }
    const input = valueAt(parsed.data, issue.path);
    if (issue.code === "invalid_union" && Array.isArray(input)) {
      // A list where some items are not text: point at each such item, not at the list.
      input.forEach((item, i) => {
        if (typeof item === "string") return;
        const path = [...issue.path, i];
        const { line, col } = parsed.locate(path);
        problems.push({
          file,
          line,
          col,
          path: formatPath(path),
          message: `expected text, got ${kind(item)}${mapPitfall(item)}${quoteHint(item)}`,
          severity: "error",
        });
      });
      continue;
    }
    const { line, col } = parsed.locate(issue.path);
    problems.push({
      file,
      line,
      col,
      path: formatPath(issue.path),
      message: phrase(issue, input),
      severity: "error",
    });
  }
  return { problems: byPosition(problems) };
}

function phrase(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "invalid_type" && input === undefined) return `missing; this field is required`;
  if (issue.code === "invalid_format" && issue.message.startsWith("expected a Jira key")) {
    return `${issue.message}, got ${show(input)}${keyHint(input)}`;
  }
  if (issue.code === "invalid_type" || issue.code === "invalid_union") {
    const expected = issue.code === "invalid_type" ? describeExpected(issue.expected) : "text or a list of text";
    const hint = expected.startsWith("text") ? quoteHint(input) : "";
    return `expected ${expected}, got ${kind(input)}${mapPitfall(input)}${hint}`;
  }
  if (issue.code === "invalid_value") {
    const lower = typeof input === "string" ? input.toLowerCase() : undefined;
    if (lower !== input && issue.values.includes(lower)) return `write it in lower case: "${lower}"`;
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${show(input)}`;
  }
  if (issue.code === "invalid_format") {
    return issue.format === "url"
      ? `expected a URL like https://example.atlassian.net, got ${show(input)}`
      : `${issue.message}, got ${show(input)}`;
  }
  if (issue.code === "custom" && typeof input === "string" && issue.message.startsWith("expected"))
    return `${issue.message}, got ${show(input)}`;
  if (issue.code === "invalid_key") return `${issue.issues[0]?.message ?? "not a valid key"}, got ${show(issue.input)}`;
  if (issue.code === "too_small" && typeof input === "number") return `must be at least ${issue.minimum}, got ${input}`;
  if (issue.code === "too_big" && typeof input === "number") return `must be at most ${issue.maximum}, got ${input}`;
  if (issue.code === "too_small" && typeof input === "string") return "must not be empty";
  return issue.message;
}

const expectedOneOf = (known: string[]) => (known.length ? `; expected one of: ${known.join(", ")}` : "");

function keyHint(input: unknown): string {
  const guess = typeof input === "string" ? suggestKey(input) : undefined;
  return guess ? `; did you mean ${guess}?` : "";
}

/** `- uboot/foo v1: submitted` is a one-key map in YAML: say so, since it looks like text. */
function mapPitfall(input: unknown): string {
  if (input && typeof input === "object" && !Array.isArray(input) && Object.keys(input).length === 1) {
    return ` (unquoted text with ": " in it reads as "key: value"; put the whole line in quotes)`;
  }
  return "";
}

const quoteHint = (v: unknown) =>
  typeof v === "number" || typeof v === "boolean" ? "; put it in quotes to make it text" : "";

function describeExpected(t: string): string {
  return t === "string" ? "text" : t === "array" ? "a list" : t === "object" ? "a mapping (key: value lines)" : t;
}

export function kind(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "an empty value";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text ${show(v)}`;
  return `${typeof v} ${String(v)}`;
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return kind(v);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/** The field names an object schema accepts at a data path (for "did you mean"). */
export function keysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable") s = def.innerType;
      else if (def.type === "pipe") s = def.in;
      else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === "object") s = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === "array") s = def.element;
    else if (def.type === "union")
      s = (def.options as unknown[]).find((o) => (o as { _zod: { def: { type: string } } })._zod.def.type === "array");
    else if (def.type === "record") s = def.valueType;
    else return [];
    if (!s) return [];
    unwrap();
  }
  const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def.type === "object" ? Object.keys(def.shape as object) : [];
}
