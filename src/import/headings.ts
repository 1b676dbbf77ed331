// An entry's heading: `[KEY] (summary)` and the other ways people write it: `[KEY] summary`,
// `[A, B] (summary)`, `[A][B] summary`, `[A] [B] (...)`, `[KEY | summary]` (jipdate), `(LABEL)`,
// wrapped onto a second line. What is canonical prints back from ticket + summary; the rest is
// kept as written, with the keys and the summary read out of it.
import { JIRA_KEY } from "../core/schemas.js";
import { bulletOf, footnoteOf, isBlank, isIndented, isTodo, progressOf } from "./lines.js";

export interface HeadingAt {
  keys: string[];
  label?: string;
  summary?: string;
  /** How many lines the heading takes. */
  lines: number;
  /** Whether [KEY] (summary) (or (LABEL) (summary)) prints it back exactly. */
  canonical: boolean;
}

const KEY = String.raw`[A-Z][A-Z0-9_]*-[1-9][0-9]*`;
/** Before the keys: a Markdown heading's #s, a bold's **, or a bullet: the heading is then kept as written. */
const LEAD = String.raw`(?:#{1,6}[ \t]+|\*\*|[*\-+•][ \t]+)?`;
const GROUPS = new RegExp(String.raw`^(${LEAD})((?:\[${KEY}(?:\s*,\s*${KEY})*\][ \t]*)+)(.*)$`);
/** `KEY: summary`, `KEY - summary` (a key at the margin, then a colon or a dash). */
const BARE = new RegExp(String.raw`^(${KEY})(?:[ \t]*[:–—][ \t]+|[ \t]+[-–—][ \t]+)(\S.*)$`);
const COMBINED = new RegExp(String.raw`^\[(${KEY})[ \t]*\|[ \t]*([^\]]*)\][ \t]*$`);
const KEYS = new RegExp(KEY, "g");
const LABEL = /^\(([^()\s](?:[^()]{0,38}[^()\s.,:;!?])?)\)(?:[ \t]+\((.*)\))?[ \t]*$/;

/** Each line is asked about many times (by the items, the titles, the layout): read once per body. */
const SEEN = new WeakMap<readonly string[], (HeadingAt | null)[]>();

/** The body asked about last, and its answers: the WeakMap is looked up once per body, not per line. */
let lastLines: readonly string[] | undefined;
let lastSeen: (HeadingAt | null)[] = [];

export function headingAt(lines: readonly string[], i: number): HeadingAt | undefined {
  if (lines !== lastLines) {
    let found = SEEN.get(lines);
    if (!found) SEEN.set(lines, (found = []));
    lastLines = lines;
    lastSeen = found;
  }
  const seen = lastSeen;
  const known = seen[i];
  if (known !== undefined) return known ?? undefined;
  const found = readHeading(lines, i);
  seen[i] = found ?? null;
  return found;
}

/** The characters a heading can start with (the forms below): most lines are passed over by their first one. */
const HEADING_START = /^[[#*\-+•(A-Z]/;

function readHeading(lines: readonly string[], i: number): HeadingAt | undefined {
  const line = lines[i];
  if (line === undefined || !HEADING_START.test(line)) return undefined;
  const combined = COMBINED.exec(line);
  if (combined) return { keys: [combined[1]!], summary: combined[2]!.trim() || undefined, lines: 1, canonical: false };
  const groups = GROUPS.exec(line);
  if (groups) {
    const found = ticketHeading(lines, i, groups[2]!, groups[3]!.replace(/\*\*[ \t]*$/, ""));
    return found && groups[1] ? { ...found, lines: 1, canonical: false } : found;
  }
  const bare = BARE.exec(line);
  if (bare && JIRA_KEY.test(bare[1]!))
    return { keys: [bare[1]!], summary: bare[2]!.trim(), lines: 1, canonical: false };
  const label = LABEL.exec(line);
  if (!label) return undefined;
  const summary = label[2];
  const canonical = line === `(${label[1]})${summary === undefined ? "" : ` (${summary})`}`;
  return { keys: [], label: label[1]!, ...(summary !== undefined ? { summary } : {}), lines: 1, canonical };
}

function ticketHeading(lines: readonly string[], i: number, head: string, rest: string): HeadingAt | undefined {
  const keys = (head.match(KEYS) ?? []).filter((k) => JIRA_KEY.test(k));
  if (keys.length === 0) return undefined;
  const taken = continuation(lines, i, rest);
  const text = [rest, ...lines.slice(i + 1, i + taken).map((l) => l.trim())].join(" ").trim();
  const summary = summaryOf(text);
  const lead = keys.length === 1 ? `[${keys[0]}]` : `[${keys.join(", ")}]`;
  const canonical =
    taken === 1 &&
    lines[i] === (summary === undefined ? lead : `${lead} (${summary})`) &&
    (text === "" || /^\(.*\)$/.test(text));
  return { keys, ...(summary !== undefined ? { summary } : {}), lines: taken, canonical };
}

/** Lines the heading takes: a "(" left open continues until it closes; a summary without one may go on indented. */
function continuation(lines: readonly string[], i: number, rest: string): number {
  const open = (s: string) => (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
  if (/^\s*\(/.test(rest) && open(rest) > 0) {
    let depth = open(rest);
    for (let k = i + 1; k < lines.length && k <= i + 3 && !isBlank(lines[k]); k++) {
      depth += open(lines[k]!);
      if (depth <= 0) return k - i + 1;
    }
    return 1;
  }
  const next = lines[i + 1];
  const wraps = rest.trim() !== "" && !/\)\s*$/.test(rest) && next !== undefined && isIndented(next);
  const body = next !== undefined && (bulletOf(next) || isTodo(next) || progressOf(next) || footnoteOf(next));
  return wraps && !body ? 2 : 1;
}

/** The summary in the text after the keys: inside its parentheses, else the text itself. */
function summaryOf(text: string): string | undefined {
  const t = text.replace(/^[-:–—]\s*/, "").trim();
  if (t === "") return undefined;
  const inner = /^\((.*)\)$/.exec(t)?.[1]?.trim();
  return inner === undefined ? t : inner === "" ? undefined : inner;
}
