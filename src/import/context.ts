// The state the body parsers share: the lines, where each came from in the input, the notices
// said so far, the email's own layout, and how a run of lines becomes a verbatim text.
import type { Diagnostic } from "../core/diagnostic.js";
import { isBlank } from "./lines.js";

export interface Layout {
  bullet: string;
  underline: "=" | "-";
  footnoteIndent: string;
  /** Whether the entries put no blank line between their bullets. */
  tight: boolean;
}

export interface ParseContext {
  lines: readonly string[];
  /** Input line number (1-based) of lines[i]. */
  lineOf(i: number): number;
  notices: Diagnostic[];
  layout: Layout;
  /** First input line of each ticket seen, to name tickets reported twice. */
  tickets: Map<string, number>;
  /** How a MIME body was decoded: its lines are not input lines, so notices name the decoded line. */
  decoded?: string | undefined;
}

export function notice(ctx: ParseContext, i: number, message: string): void {
  const where = ctx.decoded ? ` (line ${i + 1} of the decoded text: ${ctx.decoded})` : "";
  ctx.notices.push({ severity: "info", line: ctx.lineOf(i), message: message + where });
}

/** A line quoted in a message, cut to a readable length. */
export const quote = (line: string) => JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);

/** The first non-blank line at or after i, before `end`. */
export function skipBlank(lines: readonly string[], i: number, end = lines.length): number {
  while (i < end && isBlank(lines[i])) i++;
  return i;
}

/** The end of lines[start, end) without the blank lines at its end. */
export function trimEnd(lines: readonly string[], start: number, end: number): number {
  while (end > start && isBlank(lines[end - 1])) end--;
  return end;
}

/**
 * Lines as the text of a block that is followed by `blanks` blank lines: the template prints one
 * blank line between blocks and drops one final newline, so each further blank line is one more
 * "\n". A single line with at most one blank line after it stays a plain string.
 */
export function blockText(lines: readonly string[], blanks: number): string {
  if (lines.length === 1 && blanks <= 1) return lines[0]!;
  if (lines.length === 0) return "\n".repeat(Math.max(blanks, 1));
  // One join, with an empty line per final "\n": a flat string, where `text + "\n"` would make a
  // rope that the model, the template and the YAML writer each read (and flatten) again.
  const all = [...lines];
  for (let n = Math.max(blanks, 1); n > 0; n--) all.push("");
  return all.join("\n");
}

/** Blank lines between `end` and the next non-blank line (0 at the end of the range). */
export function blanksAfter(lines: readonly string[], end: number, limit = lines.length): number {
  const next = skipBlank(lines, end, limit);
  return next >= limit ? 0 : next - end;
}
