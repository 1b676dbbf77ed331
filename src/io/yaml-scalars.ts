// One-line YAML scalars as YAML 1.2's core schema reads them (the `yaml` library's rules: its int,
// float, null and bool tests), for the quick reader. A scalar it is not sure of is refused.

/** Thrown (one shared value, no stack) when the quick reader is not sure: the full parser decides. */
export const NOT_SURE: unique symbol = Symbol("not sure");

export function refuse(): never {
  throw NOT_SURE;
}

/** Quoted text with no escapes (an escape the full parser refuses, a quick reader may read). */
const QUOTED = /^(?:"([^"\\]*)"|'((?:[^']|'')*)')(?:[ \t]+#.*)?$/;
const FLOW = /^(?:\[([^[\]{}#"'\n]*)\]|\{([^[\]{}#"'\n]*)\})(?:[ \t]+#.*)?$/;
/** A plain scalar may not start with these (YAML gives them other meanings). */
const INDICATOR = /^[&*!%@`?,[\]{}#|>"':]/;
const FLOW_INDICATOR = /^[&*!%@`?|>:]|^-(?:[ \t]|$)/;

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Spaces off both ends: YAML's blanks are space and tab (the reader refuses tabs), not String.trim's Unicode ones. */
const trimEnd = (s: string) => s.replace(/ +$/, "");
const trim = (s: string) => s.replace(/^ +| +$/g, "");

/** A plain scalar's value: null, a boolean, a number or the text itself. */
export function plain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (INF_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT.test(text)) return Number.parseFloat(text);
  return text;
}

/** A mapping key as text, as the full parser makes it: refused when its value would not be that text. */
export function keyText(raw: string): string {
  const text = trimEnd(raw);
  const value = plain(text);
  const same = typeof value === "string" || (typeof value === "number" && String(value) === text);
  if (!same || text === "__proto__") refuse();
  return text;
}

/** The value after `key: ` or `- `, on one line (its comment cut off). */
export function scalar(rest: string): unknown {
  const quoted = QUOTED.exec(rest);
  if (quoted) return quoted[1] ?? (quoted[2] ?? "").replaceAll("''", "'");
  const flow = FLOW.exec(rest);
  if (flow) return flow[1] === undefined ? flowMap(flow[2] ?? "") : flowList(flow[1]);
  if (INDICATOR.test(rest) || /: |:$/.test(rest) || rest === "-" || rest.startsWith("- ")) refuse();
  const hash = /[ \t]#/.exec(rest);
  if (hash === null) return plain(trimEnd(rest));
  // " #" starts a comment; "#" glued to what follows may be text an author meant ("issue #42").
  if (!/^[ \t]#(?:[ \t]|$)/.test(rest.slice(hash.index))) refuse();
  return plain(trimEnd(rest.slice(0, hash.index)));
}

/** The items of `[a, b]` or `{a: b}`: plain scalars, a trailing comma allowed. */
function flowItems(inner: string): string[] {
  if (trim(inner) === "") return [];
  const items = inner.split(",").map(trim);
  if (items.at(-1) === "") items.pop();
  for (const item of items) if (item === "" || FLOW_INDICATOR.test(item)) refuse();
  return items;
}

function flowList(inner: string): unknown[] {
  return flowItems(inner).map((item) => (item.includes(":") ? refuse() : plain(item)));
}

function flowMap(inner: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const item of flowItems(inner)) {
    const at = item.indexOf(": ");
    if (at <= 0 || item.indexOf(":") !== at || item.includes(":", at + 1)) refuse();
    const key = keyText(item.slice(0, at));
    const value = trim(item.slice(at + 2));
    if (Object.hasOwn(map, key) || !/^[A-Za-z0-9_]/.test(key) || value === "" || FLOW_INDICATOR.test(value)) refuse();
    map[key] = plain(value);
  }
  return map;
}
