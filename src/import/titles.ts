// The titles of a report: a project section's (`Title` underlined with === or ---, `== Title ==`,
// and, in an email that has neither, a short `Title:` line), and a trailer's `=== Title ===`.
import { headingAt } from "./headings.js";
import { bulletOf, footnoteOf, isBlank, isComment } from "./lines.js";

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

/** What the body's section titles look like: underlined, `== X ==`, or (neither) `X:` lines. */
export function titleKinds(lines: readonly string[]): { colon: boolean } {
  const other = lines.some((l, i) => EQUALS.test(l) || underlined(lines, i) !== undefined);
  return { colon: !other };
}

export function sectionTitleAt(lines: readonly string[], i: number, kinds: { colon: boolean }): TitleAt | undefined {
  const line = lines[i];
  if (line === undefined || isBlank(line) || /^\s/.test(line)) return undefined;
  const under = underlined(lines, i);
  if (under) return under;
  const eq = EQUALS.exec(line);
  if (eq && !trailerTitleOf(line)) return { title: eq[1]!, lines: 1 };
  const colon = kinds.colon ? COLON.exec(line) : null;
  if (colon && line.split(/\s+/).length <= 6 && (i === 0 || isBlank(lines[i - 1])) && !isBlank(lines[i + 1])) {
    return { title: colon[1]!.trim(), lines: 1 };
  }
  return undefined;
}

function underlined(lines: readonly string[], i: number): TitleAt | undefined {
  const line = lines[i]!;
  const m = UNDERLINE.exec(lines[i + 1] ?? "");
  if (!m || isBlank(line) || /^\s/.test(line) || UNDERLINE.test(line)) return undefined;
  if (trailerTitleOf(line) || headingAt(lines, i) || footnoteOf(line) || bulletOf(line) || isComment(line))
    return undefined;
  const title = line.trimEnd();
  const length = [...title].length;
  if (m[1]!.length < 3 && m[1]!.length !== length) return undefined;
  const char = m[1]![0] as "=" | "-";
  return { title, lines: 2, underline: { char, exact: lines[i + 1] === char.repeat(length) && line === title } };
}
