// The titles of a report: a project section's (`Title` underlined with === or ---, `== Title ==`,
// and, in an email that has neither, a short `Title:` line), and a trailer's `=== Title ===`.
import { headingAt } from "./headings.js";
import { bulletOf, footnoteOf, isBlank, isComment, startsBlank } from "./lines.js";

export interface TitleAt {
  title: string;
  /** 1 or 2 (a title and its underline). */
  lines: number;
  /** For an underlined title: the underline's character and whether it is as long as the title. */
  underline?: { char: "=" | "-"; exact: boolean };
}

/** `=== Title ===`: three or more `=` on each side (read by hand: a regex backtracks on long `=` runs). */
export function trailerTitleOf(line: string): { title: string; exact: boolean } | undefined {
  if (!line.startsWith("===")) return undefined;
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  let lead = 0;
  while (lead < end && line[lead] === "=") lead++;
  let tail = end;
  while (tail > lead && line[tail - 1] === "=") tail--;
  if (end - tail < 3 || lead === end) return undefined;
  const title = line.slice(lead, tail).trim();
  if (title === "") return undefined;
  return { title, exact: line === `=== ${title} ===` };
}

const UNDERLINE = /^(=+|-+)[ \t]*$/;
const EQUALS = /^==[ \t]+(\S(?:.*\S)?)[ \t]+==[ \t]*$/;
const COLON = /^([A-Z0-9][^:.,;!?]{0,40}):[ \t]*$/;
/** A Markdown heading (## and deeper: a lone # is a comment line here) that names no ticket. */
const MARKDOWN = /^#{2,6}[ \t]+(\S.*?)[ \t#]*$/;
/** A line of capitals alone ("KERNEL", "IN PROGRESS", "OUT OF OFFICE"). */
const CAPS = /^([A-Z][A-Z0-9&/+ -]{1,40}[A-Z0-9])[ \t]*:?[ \t]*$/;

export interface TitleKinds {
  colon: boolean;
  caps: boolean;
}

/** What the body's section titles look like: underlined, `== X ==`, `## X`, else `X:` or CAPITALS lines. */
export function titleKinds(lines: readonly string[]): TitleKinds {
  const other = lines.some(
    (l, i) =>
      (l.startsWith("==") && EQUALS.test(l)) || markdownTitle(l) !== undefined || underlined(lines, i) !== undefined,
  );
  const caps = lines.filter((l) => capsTitle(l) !== undefined).length >= 2;
  return { colon: !other, caps: !other && caps };
}

const markdownTitle = (line: string) => {
  const m = line.startsWith("##") ? MARKDOWN.exec(line) : null;
  return m && !/\[[A-Z][A-Z0-9_]*-[1-9]/.test(m[1]!) ? m[1]!.replace(/^\*\*(.*)\*\*$/, "$1") : undefined;
};

function capsTitle(line: string): string | undefined {
  const c = line.charCodeAt(0);
  const m = c >= 0x41 && c <= 0x5a ? CAPS.exec(line) : null;
  if (!m || /[A-Z][A-Z0-9_]*-[1-9]/.test(m[1]!) || m[1]!.split(/\s+/).length > 5) return undefined;
  return m[1]!.replace(/[ \t]+$/, "");
}

export function sectionTitleAt(lines: readonly string[], i: number, kinds: TitleKinds): TitleAt | undefined {
  const line = lines[i];
  if (line === undefined || isBlank(line) || startsBlank(line)) return undefined;
  const under = underlined(lines, i);
  if (under) return under;
  const eq = line.startsWith("==") ? EQUALS.exec(line) : null;
  if (eq && !trailerTitleOf(line)) return { title: eq[1]!, lines: 1 };
  const md = markdownTitle(line);
  if (md !== undefined) return { title: md, lines: 1 };
  const caps = kinds.caps ? capsTitle(line) : undefined;
  if (caps !== undefined) return { title: caps, lines: 1 };
  const colon = kinds.colon ? COLON.exec(line) : null;
  if (colon && line.split(/\s+/).length <= 6 && (i === 0 || isBlank(lines[i - 1])) && !isBlank(lines[i + 1])) {
    return { title: colon[1]!.trim(), lines: 1 };
  }
  return undefined;
}

function underlined(lines: readonly string[], i: number): TitleAt | undefined {
  const line = lines[i]!;
  const next = lines[i + 1] ?? "";
  const m = next[0] === "=" || next[0] === "-" ? UNDERLINE.exec(next) : null;
  if (!m || isBlank(line) || /^\s/.test(line) || UNDERLINE.test(line)) return undefined;
  if (trailerTitleOf(line) || headingAt(lines, i) || footnoteOf(line) || bulletOf(line) || isComment(line))
    return undefined;
  const title = line.trimEnd();
  const length = [...title].length;
  if (m[1]!.length < 3 && m[1]!.length !== length) return undefined;
  const char = m[1]![0] as "=" | "-";
  return { title, lines: 2, underline: { char, exact: lines[i + 1] === char.repeat(length) && line === title } };
}
