// What one line of a plain-text weekly report can be: a section title's underline, a `=== X ===`
// trailer title, an entry heading, a bullet, a TODO, a footnote, a comment. Pure string tests.
import { JIRA_KEY } from "../core/schemas.js";

export interface Heading {
  ticket?: string;
  label?: string;
  summary?: string;
  /** Whether the canonical template prints this line back as it is. */
  exact: boolean;
}

export interface Footnote {
  number: string;
  url: string;
  indent: number;
  exact: boolean;
}

const TICKET_HEADING = /^\[([A-Z][A-Z0-9_]*-[1-9][0-9]*)\](?:([ \t]+)(.*))?$/;
/** `(MISC)`, `(Meetings) (weekly sync)`: short, no parentheses inside, not a sentence in brackets. */
const LABEL_HEADING = /^\(([^()\s](?:[^()]{0,38}[^()\s.,:;!?])?)\)(?: \(([^\n]*)\))?$/;
const UNDERLINE = /^(=+|-+)[ \t]*$/;
const FOOTNOTE = /^( *)\[([1-9][0-9]*)\]([ \t]+)(\S.*)$/;
const BULLET = /^([*-])(?: (.*))?$/;
const TODO = /^  TODO:(?: (.*))?$/;
const COMMENT = /^#(?: (.*))?$/;
const PROGRESS_TEXT = { "No progress": "none", "No update": "no-update" } as const;

export type ProgressValue = (typeof PROGRESS_TEXT)[keyof typeof PROGRESS_TEXT];

export const isBlank = (line: string) => line.trim() === "";
export const isIndented = (line: string) => /^[ \t]/.test(line) && !isBlank(line);

export function parseHeading(line: string): Heading | undefined {
  const t = TICKET_HEADING.exec(line);
  if (t && JIRA_KEY.test(t[1]!)) {
    const rest = (t[3] ?? "").trimEnd();
    if (rest === "") return { ticket: t[1]!, exact: line === `[${t[1]}]` };
    const inner = /^\((.*)\)$/.exec(rest)?.[1];
    const summary = inner !== undefined && inner.trim() !== "" ? inner : rest;
    return { ticket: t[1]!, summary, exact: line === `[${t[1]}] (${summary})` };
  }
  const l = LABEL_HEADING.exec(line);
  if (l) return { label: l[1]!, ...(l[2] ? { summary: l[2] } : {}), exact: true };
  return undefined;
}

/** A title's underline: a line of `=` or of `-` (`exact`: nothing after it). */
export function underlineOf(line: string | undefined): { char: string; length: number; exact: boolean } | undefined {
  const m = line === undefined ? null : UNDERLINE.exec(line);
  if (!m) return undefined;
  return { char: m[1]![0]!, length: m[1]!.length, exact: line === m[1] };
}

/**
 * Whether lines[i] is a section title: text at the left margin, underlined on the next line
 * (3 long at least, or as long as the title).
 */
export function isSectionTitle(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (line === undefined || isBlank(line) || /^\s/.test(line)) return false;
  if (trailerTitleOf(line) || parseHeading(line) || parseFootnote(line) || BULLET.test(line) || COMMENT.test(line))
    return false;
  const underline = underlineOf(lines[i + 1]);
  return underline !== undefined && (underline.length >= 3 || underline.length === [...line.trimEnd()].length);
}

/**
 * `=== Title ===`: three or more `=` on each side of a title. Read by hand, not by a regular
 * expression: the obvious one backtracks for ever on a long line of `=` (a separator).
 */
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
  if (title === "" || /^[\t ]|[\t ]$/.test(title)) return undefined;
  return { title, exact: line === `=== ${title} ===` };
}

/** `exact`: as the template prints it with the given indentation before `[n]`. */
export function parseFootnote(line: string, indent = 0): Footnote | undefined {
  const m = FOOTNOTE.exec(line);
  if (!m) return undefined;
  const url = m[4]!;
  return { number: m[2]!, url, indent: m[1]!.length, exact: line === `${" ".repeat(indent)}[${m[2]}] ${url}` };
}

/** `exact`: as the template prints it with the given bullet character. */
export function parseBullet(line: string, bullet = "*"): { char: string; text: string; exact: boolean } | undefined {
  const m = BULLET.exec(line);
  return m ? { char: m[1]!, text: m[2] ?? "", exact: m[1] === bullet && m[2] !== undefined } : undefined;
}

/** The layout an email keeps throughout: what its first title underline, bullet and footnote use. */
export function detectStyle(lines: readonly string[]): {
  bullet: "*" | "-";
  underline: "=" | "-";
  footnoteIndent: number;
} {
  let bullet: "*" | "-" | undefined;
  let underline: "=" | "-" | undefined;
  const indents = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (underline === undefined && isSectionTitle(lines, i)) underline = underlineOf(lines[i + 1])!.char as "=" | "-";
    else if (bullet === undefined && underline !== undefined) bullet = BULLET.exec(line)?.[1] as "*" | "-" | undefined;
    const footnote = underline !== undefined ? FOOTNOTE.exec(line) : null;
    if (footnote) indents.set(footnote[1]!.length, (indents.get(footnote[1]!.length) ?? 0) + 1);
  }
  // Footnotes: the indentation most of them have (none, on a tie with none).
  let footnoteIndent = 0;
  let most = indents.get(0) ?? 0;
  for (const [indent, n] of indents) if (n > most) [footnoteIndent, most] = [indent, n];
  return { bullet: bullet ?? "*", underline: underline ?? "=", footnoteIndent };
}

export function parseTodo(line: string): string | undefined {
  const m = TODO.exec(line);
  return m ? (m[1] ?? "") : undefined;
}

export function parseComment(line: string): string | undefined {
  const m = COMMENT.exec(line);
  return m ? (m[1] ?? "") : undefined;
}

/** "No progress" / "No update" (with or without a bullet or indentation) → the progress value. */
export function progressOf(text: string): ProgressValue | undefined {
  return PROGRESS_TEXT[text.replace(/^\s*(?:[*-] +)?/, "").trimEnd() as keyof typeof PROGRESS_TEXT];
}

/** A continuation line without its two-space indentation, and whether that is exact. */
export function dedent(line: string, by = 2): { text: string; exact: boolean } {
  const pad = " ".repeat(by);
  if (line.startsWith(pad)) {
    const text = line.slice(by);
    return { text, exact: text !== "" || line === "" };
  }
  if (isBlank(line)) return { text: "", exact: line === "" };
  return { text: line.replace(/^ +/, ""), exact: false };
}
