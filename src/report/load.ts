// A report file on disk → a validated Report, or the list of every problem in it with line:col.
// When the schema refuses parts of it, the rest is still made into a Report (the refused parts
// stood in for), so that the cross-field checks run in the same pass: one run shows all. A valid
// file is read by the quick parser; the full one loads only when a position is asked for.
import { type Diagnostic, formatPath } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { quickYamlData } from "../io/quick-yaml.js";
import { readTextFile } from "../io/read-text.js";
import { kind, validate } from "../io/validate.js";
import { findTextPitfalls, type ParsedYaml, parseYaml } from "../io/yaml.js";
import { salvageReport } from "./salvage.js";
import { Report } from "./schema.js";

export interface LoadedReport {
  file: string;
  report?: Report;
  /** When the file did not validate: the rest of it, and the paths of the parts stood in for. */
  salvaged?: { report: Report; replaced: PropertyKey[][] };
  problems: Diagnostic[];
  locate: ParsedYaml["locate"];
}

export function loadReport(file: string): LoadedReport {
  let text: string;
  try {
    text = readTextFile(file, "report file (YAML)");
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { file, problems: [...e.diagnostics], locate: () => ({ line: 1, col: 1 }) };
  }
  return parseReport(text, file);
}

export function parseReport(text: string, file: string): LoadedReport {
  if (text.trim() === "")
    return failed(file, "is empty; a report needs at least a `sections:` list (see `weekly schema`)");
  const quick = quickReport(text);
  if (quick) return { file, report: quick, problems: [], locate: fullWhenAsked(text, file) };
  const parsed = parseYaml(text, file);
  const base = { file, locate: parsed.locate };
  if (parsed.problems.length) return { ...base, problems: parsed.problems };
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    const got = parsed.data === null ? "only comments" : kind(parsed.data);
    const message = `expected a mapping with week_ending:, sections: ..., got ${got}`;
    return { ...base, problems: [{ file, line: 1, col: 1, message, severity: "error" }] };
  }
  const { value, problems } = validate(Report, parsed, file);
  const pitfalls = findTextPitfalls(parsed, TEXT_FIELDS, text).map(
    (p): Diagnostic => ({
      file,
      line: p.line,
      col: p.col,
      path: formatPath(p.path),
      message: p.message,
      severity: "warning",
    }),
  );
  const salvaged = value ? undefined : salvageReport(parsed.data);
  return { ...base, report: value, ...(salvaged ? { salvaged } : {}), problems: [...problems, ...pitfalls] };
}

/** A valid report, read by the quick parser, from text in which no pitfall can be (else undefined). */
function quickReport(text: string): Report | undefined {
  const checked = Report.safeParse(quickYamlData(text));
  return checked.success ? checked.data : undefined;
}

/** Positions from the full parser, which runs on the first question only. */
function fullWhenAsked(text: string, file: string): ParsedYaml["locate"] {
  let parsed: ParsedYaml | undefined;
  return (path, wantKey) => (parsed ??= parseYaml(text, file)).locate(path, wantKey);
}

/** Fields whose text is printed as written. */
const TEXT_FIELDS = new Set([
  "notes",
  "todo",
  "summary",
  "comment",
  "patches",
  "issues",
  "events",
  "text",
  "title",
  "label",
]);

function failed(file: string, message: string): LoadedReport {
  return { file, problems: [{ file, message, severity: "error" }], locate: () => ({ line: 1, col: 1 }) };
}
