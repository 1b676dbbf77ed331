// YAML text of plain data (maps, lists, strings, numbers, booleans), written by hand for speed:
// an import writes thousands of files and the `yaml` library's document model costs more than
// the whole rest of the import. Only block style; each string plain where every YAML reader
// (1.2 and 1.1) reads it back as the same string, a literal block (`|`) where it has several
// lines, else double-quoted. The tests load every form back with the `yaml` library.

export type Data = string | number | boolean | null | undefined | readonly Data[] | { readonly [k: string]: Data };

export interface EmitOptions {
  /** Top-level keys after which (before which, rather) a blank line is left. */
  spaced?: ReadonlySet<string>;
  /** A blank line between the items of these top-level lists. */
  spacedItems?: ReadonlySet<string>;
  /** Keys whose string value stays plain though it looks like a date (week_ending). */
  dates?: ReadonlySet<string>;
}

/**
 * Plain scalars a reader could take for something else: YAML 1.2's null/bool/number forms, and
 * YAML 1.1's booleans, dates, sexagesimal and underscored numbers.
 */
const NOT_TEXT = new RegExp(
  "^(?:" +
    [
      "~|null|Null|NULL|true|True|TRUE|false|False|FALSE",
      "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF",
      String.raw`[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?`,
      String.raw`[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)`,
      String.raw`0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+`,
      String.raw`[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?`,
      String.raw`\d{4}-\d\d?-\d\d?(?:[Tt ].*)?`,
    ].join("|") +
    ")$",
);

/** Characters a plain or block scalar cannot hold as they are: controls, line separators, BOM, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must be escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
const unprintable = (s: string) => CONTROLS.test(s) || LONE_SURROGATE.test(s);

function isPlain(s: string, date: boolean): boolean {
  if (s === "" || s.trim() !== s || unprintable(s) || /[\n\t]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |:$| #/.test(s)) return false;
  return date ? /^\d{4}-\d{2}-\d{2}$/.test(s) || !NOT_TEXT.test(s) : !NOT_TEXT.test(s);
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (unprintable(ch)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A literal block: `|`, `|-` or `|+` as the text ends; an indentation indicator when it starts with a blank. */
function literal(s: string, indent: string): string | undefined {
  if (unprintable(s) || s.includes("\r")) return undefined;
  let trailing = 0;
  while (trailing < s.length && s[s.length - 1 - trailing] === "\n") trailing++;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing === 0 ? s : s.slice(0, -1);
  const first = body.slice(0, body.indexOf("\n") + 1 || body.length).replace(/\n$/, "");
  const indicator = /^[ \t]*$|^ /.test(first) ? "2" : "";
  // Each line indented, but an empty one (it would end in blanks).
  const text = (first === "" ? "" : indent) + body.replace(/\n(?!\n|$)/g, `\n${indent}`);
  return `|${indicator}${chomp}\n${text}`;
}

function scalar(value: string | number | boolean | null, indent: string, date: boolean): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  // Only newlines and blanks: a block would read back empty.
  if (value.includes("\n"))
    return value.trim() === "" ? doubleQuoted(value) : (literal(value, indent) ?? doubleQuoted(value));
  return isPlain(value, date) ? value : doubleQuoted(value);
}

const isList = (v: Data): v is readonly Data[] => Array.isArray(v);
const isMap = (v: Data): v is { readonly [k: string]: Data } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * A kept (`|+`) block ends in blank lines that are its own: no blank line may follow it. Nothing
 * else this writer makes ends in a blank line.
 */
const endsKept = (text: string) => text.endsWith("\n\n");

/** The lines of `value` under a key or a `- `, at `indent` (each line ends in "\n"). */
function node(value: Data, indent: string, key: string, opts: EmitOptions, depth: number): string {
  if (isList(value)) {
    if (value.length === 0) return " []\n";
    const items = value.map((item) => `${indent}-${inline(item, `${indent}  `, key, opts, depth)}`);
    const spaced = depth === 1 && opts.spacedItems?.has(key);
    return `\n${items.map((t, k) => (spaced && k > 0 && !endsKept(items[k - 1]!) ? `\n${t}` : t)).join("")}`;
  }
  if (isMap(value)) {
    const body = mapping(value, indent, opts, depth + 1);
    return body === "" ? " {}\n" : `\n${body}`;
  }
  return ` ${scalar(value ?? null, indent, opts.dates?.has(key) ?? false)}\n`;
}

/** A list item: a map starts on the `- ` line itself. */
function inline(item: Data, indent: string, key: string, opts: EmitOptions, depth: number): string {
  if (isMap(item) && Object.keys(item).some((k) => item[k] !== undefined)) {
    return ` ${mapping(item, indent, opts, depth + 1).slice(indent.length)}`;
  }
  return node(item, indent, key, opts, depth + 1);
}

function mapping(map: { readonly [k: string]: Data }, indent: string, opts: EmitOptions, depth: number): string {
  let out = "";
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    const key = /^[1-9][0-9]{0,14}$/.test(k) || isPlain(k, false) ? k : doubleQuoted(k);
    const blank = depth === 1 && out !== "" && opts.spaced?.has(k) && !endsKept(out) ? "\n" : "";
    out += `${blank}${indent}${key}:${node(v, `${indent}  `, k, opts, depth)}`;
  }
  return out;
}

/** The YAML text of a top-level map. */
export function emitYaml(data: { readonly [k: string]: Data }, opts: EmitOptions = {}): string {
  return mapping(data, "", opts, 1);
}
