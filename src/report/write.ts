// A Report-shaped object → the YAML text of a report file (the inverse of load.ts). Text is
// written verbatim: multi-line strings as literal block scalars (`|`, `|+`, `|2`), strings that
// a YAML reader could take for something else quoted, so that loading the text back gives the
// same strings and `weekly render` the same email.
import type * as z from "zod/mini";
import type { Report } from "./schema.js";
import { emitYaml } from "./yaml-emit.js";

/** What a report file holds before zod's defaults and transforms: the shape to write. */
export type ReportInput = z.input<typeof Report>;

export interface StringifyOptions {
  /** Path of the JSON Schema for a `# yaml-language-server: $schema=...` first line; none when absent. */
  schemaPath?: string;
}

/** Top-level keys after which the file gets a blank line, as in the hand-written examples. */
const SPACED_KEYS = new Set(["sections", "references", "patches", "issues", "events", "trailers", "closing"]);

const SPACED_ITEMS = new Set(["sections"]);
const DATES = new Set(["week_ending"]);

export function stringifyReport(report: ReportInput, opts: StringifyOptions = {}): string {
  const header = opts.schemaPath ? `# yaml-language-server: $schema=${opts.schemaPath}\n` : "";
  return header + emitYaml(report, { spaced: SPACED_KEYS, spacedItems: SPACED_ITEMS, dates: DATES });
}
