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
/** Tab, newline and the printable ranges around what CONTROLS and LONE_SURROGATE name: one scan clears most texts. */
const ANY_SUSPECT = /[^\t\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const unprintable = (s: string) => ANY_SUSPECT.test(s) && (CONTROLS.test(s) || LONE_SURROGATE.test(s));

function isPlain(s: string, date: boolean): boolean {
  if (s === "" || s.trim() !== s || unprintable(s) || /[\n\t]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |:$| #/.test(s)) return false;
  return date ? /^\d{4}-\d{2}-\d{2}$/.test(s) || !NOT_TEXT.test(s) : !NOT_TEXT.test(s);
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

/** What a double-quoted scalar escapes by name. */
const ESCAPED = /["\\\n\t\r]/;

function doubleQuoted(s: string): string {
  if (!ESCAPED.test(s) && !unprintable(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (unprintable(ch)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A literal block into `out` (`|`, `|-` or `|+` as the text ends; an indentation indicator when
 * it starts with a blank), each non-empty line at `indent`; false when the text cannot be one.
 * The lines go in as slices of the text: one copy at the final join, none per block.
 */
function literal(out: Out, s: string, indent: string): boolean {
  if (unprintable(s) || s.includes("\r")) return false;
  let trailing = 0;
  while (trailing < s.length && s.charCodeAt(s.length - 1 - trailing) === 10) trailing++;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const end = trailing === 0 ? s.length : s.length - 1;
  const eol = s.indexOf("\n");
  const first = s.slice(0, eol === -1 || eol > end ? end : eol);
  out.push(" |", /^[ \t]*$|^ /.test(first) ? "2" : "", chomp, "\n");
  for (let from = 0; ; ) {
    const next = s.indexOf("\n", from);
    const stop = next === -1 || next > end ? end : next;
    if (stop > from) out.push(indent, s.slice(from, stop));
    if (stop >= end) break;
    out.push("\n");
    from = stop + 1;
  }
  out.push("\n");
  return true;
}

/** `value` after a key or a `- `, and its line end. */
function scalar(out: Out, value: string | number | boolean | null, indent: string, date: boolean): void {
  if (typeof value === "number" || typeof value === "boolean") return void out.push(" ", String(value), "\n");
  if (value === null) return void out.push(" null\n");
  // Only newlines and blanks (/\S/ is trim's complement): a block would read back empty.
  if (value.includes("\n")) {
    if (/\S/.test(value) && literal(out, value, indent)) return;
    return void out.push(" ", doubleQuoted(value), "\n");
  }
  out.push(" ", isPlain(value, date) ? value : doubleQuoted(value), "\n");
}

const isList = (v: Data): v is readonly Data[] => Array.isArray(v);
const isMap = (v: Data): v is { readonly [k: string]: Data } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const hasValues = (map: { readonly [k: string]: Data }) => Object.keys(map).some((k) => map[k] !== undefined);

/**
 * The text so far, as pieces joined once at the end (nested strings joined or sliced at every
 * level would copy the text once per level).
 */
type Out = string[];

/**
 * Whether the text so far ends in a blank line: a kept (`|+`) block ends in blank lines that are
 * its own, and no blank line may follow it. Nothing else this writer makes ends in a blank line.
 */
function endsKept(out: Out): boolean {
  let tail = "";
  for (let k = out.length - 1; k >= 0 && tail.length < 2; k--) tail = out[k] + tail;
  return tail.endsWith("\n\n");
}

/** The lines of `value` under a key or a `- `, at `indent` (each line ends in "\n"). */
function node(out: Out, value: Data, indent: string, key: string, opts: EmitOptions, depth: number): void {
  if (isList(value)) {
    if (value.length === 0) return void out.push(" []\n");
    const spaced = depth === 1 && opts.spacedItems?.has(key);
    out.push("\n");
    value.forEach((item, k) => {
      if (spaced && k > 0 && !endsKept(out)) out.push("\n");
      out.push(indent, "-");
      inline(out, item, `${indent}  `, key, opts, depth);
    });
  } else if (isMap(value)) {
    if (!hasValues(value)) return void out.push(" {}\n");
    out.push("\n");
    mapping(out, value, indent, opts, depth + 1);
  } else scalar(out, value ?? null, indent, opts.dates?.has(key) ?? false);
}

/** A list item: a map starts on the `- ` line itself. */
function inline(out: Out, item: Data, indent: string, key: string, opts: EmitOptions, depth: number): void {
  if (isMap(item) && hasValues(item)) {
    out.push(" ");
    mapping(out, item, indent, opts, depth + 1, "");
  } else node(out, item, indent, key, opts, depth + 1);
}

/** Plain keys as they are, others quoted; a report has few distinct keys, so each is looked at once. */
const KEYS = new Map<string, string>();

function keyText(k: string): string {
  let text = KEYS.get(k);
  if (text === undefined) {
    text = /^[1-9][0-9]{0,14}$/.test(k) || isPlain(k, false) ? k : doubleQuoted(k);
    if (KEYS.size < 1000) KEYS.set(k, text);
  }
  return text;
}

/** A map's keys at `indent`, the first at `first` (on a list item's `- ` line, no indent). */
function mapping(
  out: Out,
  map: { readonly [k: string]: Data },
  indent: string,
  opts: EmitOptions,
  depth: number,
  first = indent,
): void {
  const start = out.length;
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (v === undefined) continue;
    const blank = depth === 1 && out.length > start && opts.spaced?.has(k) && !endsKept(out);
    out.push(blank ? "\n" : "", out.length > start ? indent : first, keyText(k), ":");
    node(out, v, `${indent}  `, k, opts, depth);
  }
}

/** The YAML text of a top-level map. */
export function emitYaml(data: { readonly [k: string]: Data }, opts: EmitOptions = {}): string {
  const out: Out = [];
  mapping(out, data, "", opts, 1);
  return out.join("");
}
