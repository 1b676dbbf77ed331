// A report email's body (the lines after its header block) → the parts of a Report, each kept as
// written: greeting, quote and intro at the top; sections and their items; `=== trailers ===`;
// footnotes after them; whatever follows; the sign-off and signature. Nothing is dropped, and the
// blank lines between parts are the template's (more of them stay in the text before).
import type { Diagnostic } from "../core/diagnostic.js";
import type { ParsedBody, SectionInput } from "./body.js";
import { blanksAfter, blockText, type ParseContext, skipBlank, trimEnd } from "./context.js";
import { quotedTailAt, readEnd, readTop } from "./edges.js";
import { footnoteBlockAt } from "./footnotes.js";
import { headingAt } from "./headings.js";
import { detectLayout, styleOf } from "./layout.js";
import { parseSection } from "./parse-section.js";
import { parseTrailer } from "./parse-trailer.js";
import { sectionTitleAt, titleKinds, trailerTitleOf } from "./titles.js";

export interface BodyOptions {
  /** How the body was decoded (notices then name lines of the decoded text). */
  decoded?: string;
  /** The sender's name: a last line that says it is the sign-off. */
  names?: readonly string[];
}

export function parseBody(
  all: readonly string[],
  lineOf: (i: number) => number,
  opts: BodyOptions = {},
): { body: ParsedBody; notices: Diagnostic[] } {
  // The mail a reply quotes at its end is kept whole, after everything: it is no part of the report.
  const q = quotedTailAt(all);
  const lines = q === undefined ? all : all.slice(0, trimEnd(all, 0, q));
  const after = q === undefined ? undefined : blockText(all.slice(q), 0);
  const layout = detectLayout(lines);
  const ctx: ParseContext = { lines, lineOf, notices: [], layout, tickets: new Map(), decoded: opts.decoded };
  const tail = readEnd(lines, opts.names);
  const top = readTop(lines, tail.end);
  const body: ParsedBody = { sections: [] };
  const keep = (range: [number, number] | undefined, blanks: number) =>
    range && blockText(lines.slice(...range), blanks);
  if (top.greeting) body.greeting = keep(top.greeting, gapAfter(lines, top.greeting[1], tail.end));
  if (top.quote) body.quote = keep(top.quote, gapAfter(lines, top.quote[1], tail.end));
  readParts(ctx, body, top.start, tail.end);
  if (tail.signOff) body.sign_off = keep(tail.signOff, tail.signature ? blanksAfter(lines, tail.signOff[1]) : 0);
  if (tail.signature) body.signature = keep(tail.signature, 0);
  if (after !== undefined) body.after = after;
  const style = { ...styleOf(ctx.layout).style, ...body.style };
  return { body: { ...body, ...(Object.keys(style).length ? { style } : {}) }, notices: ctx.notices };
}

/** Blank lines after a top part: the template prints one; where none follows (the body's end) none. */
const gapAfter = (lines: readonly string[], end: number, limit: number) => Math.max(1, blanksAfter(lines, end, limit));

/** Sections, trailers and what stands around them, from lines[i] to `end`. */
function readParts(ctx: ParseContext, body: ParsedBody, i: number, end: number): void {
  const { lines } = ctx;
  const kinds = titleKinds(lines.slice(i, end));
  // After the first trailer only trailer titles start a part: a project section cannot print there.
  const titleAt = (k: number) =>
    trailerTitleOf(lines[k]!) !== undefined || (!trailing(body) && sectionTitleAt(lines, k, kinds) !== undefined);
  const next = (from: number) => {
    for (let k = from; k < end; k++) if (titleAt(k)) return k;
    return end;
  };
  const first = next(i);
  if (first > i) before(ctx, body, i, first);
  for (let k = first; k < end; ) {
    const stop = next(k + 1);
    const last = trimEnd(lines, k, stop);
    const blanks = stop >= end ? trailingBlanks(lines, last) : stop - last;
    const section = trailerTitleOf(lines[k]!) ? undefined : sectionTitleAt(lines, k, kinds);
    if (section) body.sections.push(parseSection(ctx, k, last, section, blanks));
    else if (stop >= end) lastTrailer(ctx, body, k, last, blanks);
    else parseTrailer(ctx, body, k, last, blanks);
    k = stop;
  }
}

/** Before the first title: entries make an untitled section; prose is the intro. */
function before(ctx: ParseContext, body: ParsedBody, i: number, first: number): void {
  const last = trimEnd(ctx.lines, i, first);
  if (last === i) return;
  const blanks = first - last;
  const hasEntries = ctx.lines.slice(i, last).some((_, n) => headingAt(ctx.lines, i + n));
  if (hasEntries) body.sections.push(parseSection(ctx, i, last, undefined, blanks) as SectionInput);
  else body.intro = blockText(ctx.lines.slice(i, last), blanks);
}

/** The last trailer: footnotes after it (to the end) are the report's own, printed at the end. */
function lastTrailer(ctx: ParseContext, body: ParsedBody, k: number, last: number, blanks: number): void {
  const { lines } = ctx;
  for (let f = k + 1; f < last; f++) {
    if (lines[f - 1]!.trim() !== "" || !footnoteBlockAt(lines, f, last)) continue;
    const block = footnoteBlockAt(lines, f, last)!;
    if (block.end !== last || !block.exact || block.indent !== ctx.layout.footnoteIndent || blanks > 1) break;
    parseTrailer(ctx, body, k, trimEnd(lines, k, f), blanksAfter(lines, trimEnd(lines, k, f), f + 1));
    body.references = { ...body.references, ...block.references };
    body.style = { ...body.style, references: "at-end" };
    return;
  }
  parseTrailer(ctx, body, k, last, blanks);
}

const trailing = (body: ParsedBody) => Boolean(body.trailers?.length || body.patches || body.issues || body.events);

/** Blank lines after the body's last line before the sign-off or signature (the template prints one). */
const trailingBlanks = (lines: readonly string[], last: number) => (skipBlank(lines, last) >= lines.length ? 0 : 1);
