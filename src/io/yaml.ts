// YAML text → plain data, keeping a way back from a data path to line:col in the file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import { countItems, MAX_YAML_ITEMS } from "./quick-yaml.js";

export interface ParsedYaml {
  data: unknown;
  /** line:col (1-based) of the node at a data path; the nearest existing ancestor when the path is absent. */
  locate(path: readonly PropertyKey[], wantKey?: boolean): { line: number; col: number };
  problems: Diagnostic[];
  doc: Document.Parsed;
  /** line:col (1-based) of an offset in the text. */
  position(offset: number): { line: number; col: number };
}

const SHOWN_ERRORS = 5;

export function parseYaml(text: string, file: string): ParsedYaml {
  const items = countItems(text);
  if (items > MAX_YAML_ITEMS) {
    const message =
      `has ${items} lines and list items; a file here has at most ${MAX_YAML_ITEMS} ` + "(is this the right file?)";
    return {
      data: undefined,
      locate: () => ({ line: 1, col: 1 }),
      problems: [{ file, message, severity: "error" }],
      doc: parseDocument(""),
      position: () => ({ line: 1, col: 1 }),
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems: Diagnostic[] = doc.errors.slice(0, SHOWN_ERRORS).map((err) => {
    const at = err.linePos?.[0] ?? pos(err.pos[0]);
    const message = `invalid YAML: ${yamlMessage(err.message, text, err.pos[0])}`;
    return { file, line: at.line, col: at.col, message, severity: "error" };
  });
  if (doc.errors.length > SHOWN_ERRORS) {
    const rest = doc.errors.length - SHOWN_ERRORS;
    problems.push({
      file,
      message: `and ${rest} more YAML error${rest === 1 ? "" : "s"} after these`,
      severity: "error",
    });
  }
  let data: unknown = undefined;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const msg = firstLine((e as Error).message);
      problems.push({
        file,
        line: 1,
        col: 1,
        path: "",
        message: /alias/i.test(msg) ? `invalid YAML: too many aliases (${msg})` : `invalid YAML: ${msg}`,
        severity: "error",
      });
    }
  }
  const locate = (path: readonly PropertyKey[], wantKey = false) => {
    let node: unknown = doc.contents;
    let at: Node | null = (doc.contents as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const last = i === path.length - 1;
        node = pair.value;
        at = (last && wantKey ? (pair.key as Node) : (pair.value as Node | null)) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        if (!node) break;
        at = node as Node;
      } else break;
    }
    const offset = at?.range?.[0];
    return offset === undefined ? { line: 1, col: 1 } : pos(offset);
  };
  return { data, locate, problems, doc, position: pos };
}

/**
 * Text that YAML reads differently from how it looks: a plain or quoted scalar over several lines
 * (YAML joins them with spaces: a command block is lost) and a " #" inside unquoted text (YAML
 * cuts the text there and reads the rest as a comment). Only under the given field names.
 */
export function findTextPitfalls(parsed: ParsedYaml, fields: ReadonlySet<string>, text: string) {
  const found: { path: PropertyKey[]; line: number; col: number; message: string }[] = [];
  const walk = (node: unknown, path: PropertyKey[], inText: boolean) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        walk(pair.value, [...path, key], inText || fields.has(key));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], inText));
    } else if (isScalar(node) && inText && typeof node.value === "string" && node.range) {
      const at = parsed.position(node.range[0]);
      const blockish = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
      if (!blockish && text.slice(node.range[0], node.range[1]).includes("\n")) {
        found.push({
          path,
          ...at,
          message:
            "this text spans several lines without `|`: YAML joins them into one line; " +
            "write `|` and put the text on the lines below it, indented",
        });
      }
      if (node.type === Scalar.PLAIN && node.comment && /^\S/.test(node.comment)) {
        found.push({
          path,
          ...at,
          message:
            `the text stops before " #${node.comment.split(" ")[0]}": ` +
            'YAML reads " #" as the start of a comment; put the whole text in quotes',
        });
      }
    }
  };
  walk(parsed.doc.contents, [], false);
  return found;
}

const firstLine = (s: string) => s.split("\n")[0]!.trim();

/** Parser errors that, in a report, mostly mean a line of text that YAML took for structure. */
const TEXT_LIKE_ERRORS = [
  "Unexpected scalar",
  "reserved character",
  "Nested mappings are not allowed",
  "Implicit keys need to be on a single line",
  "Unexpected flow-seq-end",
  "Missing , or :",
];

/** The parser's message, with what to do about the common cases. */
function yamlMessage(message: string, text: string, offset: number): string {
  const msg = firstLine(message);
  if (msg.startsWith("Tabs are not allowed")) return `${msg}; indent with spaces`;
  if (msg.startsWith("Map keys must be unique")) {
    const line = text.slice(offset, Math.min(text.indexOf("\n", offset) >>> 0, offset + 200));
    const key = /^[ \t]*([^:\n]+?)[ \t]*:/.exec(line)?.[1];
    return key ? `"${key}" is there twice in the same mapping` : msg;
  }
  if (TEXT_LIKE_ERRORS.some((start) => msg.includes(start))) {
    return `${msg}; if this line is text, put it in quotes (or use a | block)`;
  }
  return msg;
}
