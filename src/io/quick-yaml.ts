// Plain data of a YAML file, fast: js-yaml, about five times quicker than the `yaml` library's
// document model, and small enough to load at start-up (the full parser loads only when a file
// has a problem to place at its line). Only for text it reads the same way (YAML 1.2's core
// schema, no anchors or aliases, no duplicate keys, no numbers only js-yaml reads as numbers):
// anything else is undefined, and the caller takes the full parser.
import { CORE_SCHEMA, load } from "js-yaml";

/** More list items, lines or flow entries than any report has: refused before a parser sees them. */
export const MAX_YAML_ITEMS = 100_000;

/** Lines, and flow-list commas, in one pass: what a huge list costs the parser, counted cheaply. */
export function countItems(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return n;
}

/** An anchor or an alias outside quotes: the `yaml` library bounds what aliases expand to. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/m;
/**
 * What the two readers take differently: 1_000, 0b101, -0x1F and -0o17 are numbers to js-yaml and
 * text to YAML 1.2's core schema, -.5 the other way round; a tag (!!float), a directive
 * (%YAML 1.1) or a tab in the indentation changes, or refuses, what follows.
 */
const READ_APART = [
  /(?:^|[\s[{,:-])[-+]?(?:0b[01_]+|[0-9][0-9_]*_[0-9_.]*)[ \t]*(?:$|[,\]}#])/m,
  /(?:^|[\s[{,:])[-+](?:0[xXoObB]|\.[0-9])/m,
  /(?:^|[\s[{,:-])!/m,
  /^%/m,
  /^ *\t/m,
];

/** The data, when the quick reader reads the text as the full one would and no pitfall can be in it. */
export function quickYamlData(text: string): unknown {
  if (ANCHOR_OR_ALIAS.test(text) || READ_APART.some((re) => re.test(text)) || countItems(text) > MAX_YAML_ITEMS)
    return undefined;
  if (!scalarsOnOneLine(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}

const KEY = /^[A-Za-z0-9_][\w .\/-]*?:(?: +|$)/;
/** A literal block (`>` folds lines, and the two readers fold some of them differently). */
const BLOCK_HEADER = /^\|[1-9+-]{0,2}(?:[ \t]+#.*)?$/;
/** Quoted text with no escapes (an escape the full parser refuses, js-yaml may read). */
const QUOTED = /^(?:"[^"\\]*"|'(?:[^']|'')*')(?:[ \t]+#.*)?$/;
/** Longer implicit keys are refused by the full parser. */
const MAX_KEY = 1000;
const FLOW = /^(?:\[[^[\]{}#"'\n]*\]|\{[^[\]{}#"'\n]*\})(?:[ \t]+#.*)?$/;
/** A plain scalar may not start with these (YAML gives them other meanings). */
const INDICATOR = /^[&*!%@`?,[\]{}#|>"']/;

/**
 * Whether every line has one of the simple shapes in which each scalar sits on one line (or in a
 * `|` / `>` block) and no unquoted text is cut at " #": the text pitfalls that findTextPitfalls
 * names cannot be there. False means "not sure", and the caller takes the full parser.
 */
export function scalarsOnOneLine(text: string): boolean {
  let blockOwner = -1; // inside a | or > block: its lines are indented deeper than this column
  let deepest = Number.POSITIVE_INFINITY; // after a scalar: the next line may not be deeper than this
  for (const raw of text.replace(/^\uFEFF/, "").split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    let col = 0;
    while (line[col] === " ") col++;
    if (blockOwner >= 0) {
      // Blanks alone on a line of a block: how deep they are changes what the block holds.
      if (/^[ \t]+$/.test(line)) return false;
      if (col > blockOwner || col === line.length) continue;
      blockOwner = -1;
    }
    if (col === line.length) continue;
    // A comment deeper than the text above it goes with that text; one glued to its # may be text.
    if (line[col] === "#") {
      if (col > deepest || /^#[^ \t]/.test(line.slice(col))) return false;
      continue;
    }
    if (line[col] === "\t" || col > deepest) return false;
    let owner = -1;
    let rest = line.slice(col);
    while (rest === "-" || rest.startsWith("- ")) {
      owner = col;
      const skip = rest.length === 1 ? 1 : 2 + (/^ */.exec(rest.slice(2))?.[0].length ?? 0);
      col += skip;
      rest = rest.slice(skip);
    }
    const key = KEY.exec(rest);
    if (key && key[0].length > MAX_KEY) return false;
    if (key) {
      owner = col;
      rest = rest.slice(key[0].length);
    }
    if (owner < 0) return false; // neither an item nor a key: the line goes on a scalar above
    if (rest === "" || (rest.startsWith("#") && key)) {
      deepest = Number.POSITIVE_INFINITY;
      continue;
    }
    if (BLOCK_HEADER.test(rest)) {
      blockOwner = owner;
      deepest = Number.POSITIVE_INFINITY;
      continue;
    }
    if (!plainOnOneLine(rest)) return false;
    deepest = owner;
  }
  return true;
}

function plainOnOneLine(value: string): boolean {
  if (QUOTED.test(value) || FLOW.test(value)) return true;
  if (INDICATOR.test(value) || /: |:$/.test(value)) return false;
  const hash = /[ \t]#/.exec(value);
  return hash === null || /^[ \t]#(?:[ \t]|$)/.test(value.slice(hash.index));
}
