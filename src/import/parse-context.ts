// The state the body parsers share: the lines, where each came from in the input, the notices
// said so far, and the small helpers every parser uses (blank runs, block text, notices).
import type { Diagnostic } from "../core/diagnostic.js";
import { detectStyle, isBlank } from "./line-patterns.js";

export interface ParseContext {
  lines: readonly string[];
  /** Input line number (1-based) of lines[i]. */
  lineOf(i: number): number;
  /** What the import changes or could not place, at lines of the input (the file is named later). */
  notices: Diagnostic[];
  /** Width that the template cuts entry headings to (summary_width). */
  summaryWidth: number;
  /** First input line of each ticket seen, to name tickets reported twice. */
  tickets: Map<string, number>;
  /** The email's own layout (its first underline, bullet and footnote), kept in the report's `style`. */
  style: ReturnType<typeof detectStyle>;
}

export function createContext(
  lines: readonly string[],
  lineOf: (i: number) => number,
  summaryWidth: number,
): ParseContext {
  return { lines, lineOf, notices: [], summaryWidth, tickets: new Map(), style: detectStyle(lines) };
}

export function notice(ctx: ParseContext, i: number, message: string): void {
  ctx.notices.push({ severity: "info", line: ctx.lineOf(i), message });
}

/** A line quoted in a message, cut to a readable length. */
export function quote(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

/** The index of the first non-blank line at or after i (lines.length at the end). */
export function skipBlank(ctx: ParseContext, i: number): number {
  while (i < ctx.lines.length && isBlank(ctx.lines[i]!)) i++;
  return i;
}

/**
 * Blank lines after an element that the template follows with exactly one (every element but a
 * note, a TODO or a trailer's text, which keep the extra ones): say when there are more or none.
 */
export function expectOneBlank(ctx: ParseContext, end: number, next: number): void {
  if (next >= ctx.lines.length) return;
  const blanks = blanksAfter(ctx, end, next);
  if (blanks > 1) notice(ctx, end - 1, `normalized: ${blanks} blank lines after this line; the report prints one`);
}

/**
 * The stored text of a block followed by `blanks` blank lines: the template prints one blank
 * line between blocks and drops one final newline, so each further blank line is one more "\n".
 * A single line with at most one blank line after it stays a plain string.
 */
export function blockText(lines: readonly string[], blanks: number): string {
  const text = lines.join("\n");
  if (lines.length === 1 && blanks <= 1) return text;
  return text + "\n".repeat(Math.max(blanks, 1));
}

/** Blank lines between `end` (exclusive end of an element) and `next`; 0 at the end of the body. */
export function blanksAfter(ctx: ParseContext, end: number, next: number): number {
  if (next >= ctx.lines.length) return 0;
  if (next === end) notice(ctx, end - 1, "normalized: the report prints a blank line after this line");
  for (let i = end; i < next; i++) {
    if (ctx.lines[i] !== "") notice(ctx, i, "normalized: spaces on a blank line dropped");
  }
  return next - end;
}
