// A Report-shaped object → the YAML text of a report file (the inverse of load.ts). Text is
// written verbatim: multi-line strings as literal block scalars (`|`, `|+`, `|2`), strings that
// a YAML reader could take for something else quoted, so that loading the text back gives the
// same strings and `weekly render` the same email.
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit, type Node } from "yaml";
import type { z } from "zod";
import type { Report } from "./schema.js";

/** What a report file holds before zod's defaults and transforms: the shape to write. */
export type ReportInput = z.input<typeof Report>;

export interface StringifyOptions {
  /** Path of the JSON Schema for a `# yaml-language-server: $schema=...` first line; none when absent. */
  schemaPath?: string;
}

/** Top-level keys after which the file gets a blank line, as in the hand-written examples. */
const SPACED_KEYS = new Set(["sections", "references", "patches", "issues", "events", "trailers", "closing"]);

/**
 * Plain scalars that YAML 1.2 reads as text but YAML 1.1 readers (and some editors) take for a
 * boolean, a date, a sexagesimal or an underscored number. The `yaml` library already quotes what
 * YAML 1.2 would misread ("true", "12", "key: value", "# x", "- x", "[a", ...).
 */
const YAML11_LOOKALIKE = new RegExp(
  `^(?:${[
    "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF", // booleans
    String.raw`\d{4}-\d\d?-\d\d?(?:[Tt ].*)?`, // dates and times
    String.raw`[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?`, // sexagesimal numbers
    // other numbers (`\d+_[\d_]*`, not `\d[\d_]*_[\d_]*`: the same strings, without backtracking on "1____...")
    String.raw`[-+]?(?:0b[01_]+|0x[\da-fA-F_]+|\d+_[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)`,
  ].join("|")})$`,
);

export function stringifyReport(report: ReportInput, opts: StringifyOptions = {}): string {
  const doc = new Document(report);
  styleScalars(doc);
  spaceTopLevel(doc.contents);
  const header = opts.schemaPath ? `# yaml-language-server: $schema=${opts.schemaPath}\n` : "";
  return header + doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/**
 * Multi-line text → literal block; YAML 1.1 look-alikes → double quotes; `week_ending` stays a
 * plain date; footnote numbers as plain `1:` keys (they load back as the same record keys).
 */
function styleScalars(doc: Document): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string") return;
      if (key === "key") {
        if (/^[1-9][0-9]{0,14}$/.test(node.value)) node.value = Number(node.value);
        return;
      }
      const parent = path.at(-1);
      const field = isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined;
      if (node.value.includes("\n")) node.type = Scalar.BLOCK_LITERAL;
      else if (field !== "week_ending" && YAML11_LOOKALIKE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** A blank line before `sections:` and the trailing blocks, and between sections. */
function spaceTopLevel(root: Node | null): void {
  if (!isMap(root)) return;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (SPACED_KEYS.has(key) && root.items.indexOf(pair) > 0) (pair.key as Node).spaceBefore = true;
    if (key === "sections" && isSeq(pair.value)) {
      pair.value.items.forEach((item, i) => {
        if (i > 0) (item as Node).spaceBefore = true;
      });
    }
  }
}
