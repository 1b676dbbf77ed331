// One project section: its title and underline, the `# ` comment and `No progress` line under
// it, then entries and footnote lists; text that fits none of these is kept as a note.
import type { z } from "zod";
import type { Section } from "../report/schema.js";
import {
  isBlank,
  isSectionTitle,
  parseComment,
  parseFootnote,
  parseHeading,
  progressOf,
  trailerTitleOf,
  underlineOf,
} from "./line-patterns.js";
import {
  blanksAfter,
  blockText,
  expectOneBlank,
  notice,
  quote,
  skipBlank,
  type ParseContext,
} from "./parse-context.js";
import { isFootnoteBlockAt, parseEntry } from "./parse-entry.js";

export type SectionInput = z.input<typeof Section>;

/** Label of the entry that holds text found in a section before its first entry. */
export const UNSORTED_LABEL = "UNSORTED";

/** Title, underline, comment and progress of the section at lines[i]; `next` is where its entries start. */
export function parseSectionHead(ctx: ParseContext, i: number): { section: SectionInput; next: number } {
  const { lines } = ctx;
  const title = lines[i]!.trimEnd();
  const underline = underlineOf(lines[i + 1])!;
  if (
    !underline.exact ||
    underline.char !== ctx.style.underline ||
    underline.length !== [...title].length ||
    title !== lines[i]
  ) {
    notice(
      ctx,
      i + 1,
      `normalized: the title ${quote(title)} prints underlined with ${ctx.style.underline.repeat([...title].length)}`,
    );
  }
  let j = i + 2;
  const comment: string[] = [];
  for (let c = parseComment(lines[j] ?? ""); c !== undefined; c = parseComment(lines[++j] ?? "")) {
    if (lines[j] === "#") notice(ctx, j, 'normalized: an empty comment line prints as "# "');
    comment.push(c);
  }
  const progress = lines[j] !== undefined && lines[j] === lines[j]!.trim() ? progressOf(lines[j]!) : undefined;
  if (progress) j++;
  const next = skipBlank(ctx, j);
  const preamble = comment.length > 0 || progress !== undefined;
  const entriesFollow =
    next < lines.length &&
    !isSectionTitle(lines, next) &&
    !trailerTitleOf(lines[next]!) &&
    !parseFootnote(lines[next]!);
  if (preamble || !entriesFollow) expectOneBlank(ctx, j, next);
  else if (next > j) notice(ctx, j, "normalized: blank line after the underline dropped");
  const section: SectionInput = {
    title,
    ...(comment.length ? { comment: blockText(comment, 0) } : {}),
    ...(progress ? { progress } : {}),
    entries: [],
  };
  return { section, next };
}

/**
 * Entries and footnotes of `section` from lines[i] on. Stops at the next section or trailer
 * title, at the end, or at text that nothing structured follows (the caller keeps that).
 */
export function parseSectionBody(ctx: ParseContext, section: SectionInput, i: number): number {
  const { lines } = ctx;
  let footnotesAt: number | undefined;
  while (i < lines.length && !isSectionTitle(lines, i) && !trailerTitleOf(lines[i]!)) {
    const heading = parseHeading(lines[i]!);
    if (heading) {
      if (footnotesAt !== undefined)
        notice(ctx, footnotesAt, `normalized: footnotes print at the end of section ${quote(section.title)}`);
      footnotesAt = undefined;
      const { entry, next } = parseEntry(ctx, i, heading);
      section.entries!.push(entry);
      i = next;
    } else if (parseFootnote(lines[i]!) && (!/^\s/.test(lines[i]!) || isFootnoteBlockAt(ctx, i))) {
      footnotesAt ??= i;
      i = parseFootnotes(ctx, section, i);
    } else {
      const end = unplacedEnd(ctx, i);
      const next = skipBlank(ctx, end);
      if (next >= lines.length) return i;
      placeUnplaced(ctx, section, i, end, blanksAfter(ctx, end, next));
      i = next;
    }
  }
  return i;
}

/** `[1] url` lines (any indentation), further URLs on indented lines under each. */
function parseFootnotes(ctx: ParseContext, section: SectionInput, i: number): number {
  const { lines } = ctx;
  let exact = true;
  while (i < lines.length) {
    const f = parseFootnote(lines[i]!, ctx.style.footnoteIndent);
    if (!f) break;
    const start = i;
    const urls = [f.url];
    exact &&= f.exact;
    const hang = " ".repeat(ctx.style.footnoteIndent + f.number.length + 3);
    for (i++; i < lines.length && /^\s/.test(lines[i]!) && !isBlank(lines[i]!) && !parseFootnote(lines[i]!); i++) {
      urls.push(lines[i]!.trim());
      exact &&= lines[i] === hang + lines[i]!.trim();
    }
    const refs = (section.references ??= {});
    if (refs[f.number] === undefined) refs[f.number] = urls.length === 1 ? urls[0]! : urls;
    else
      placeUnplaced(
        ctx,
        section,
        start,
        i,
        0,
        `footnote [${f.number}] is defined twice in section ${quote(section.title)}`,
      );
  }
  if (!exact) {
    const where = ctx.style.footnoteIndent
      ? `indented by ${ctx.style.footnoteIndent} (as the email's first footnote)`
      : "at the left margin";
    notice(ctx, i - 1, `normalized: footnotes print ${where}, further URLs under the first`);
  }
  expectOneBlank(ctx, i, skipBlank(ctx, i));
  return skipBlank(ctx, i);
}

/** End (exclusive) of text the parser has no place for: up to the next entry, footnote or title. */
export function unplacedEnd(ctx: ParseContext, i: number): number {
  const { lines } = ctx;
  let end = i + 1;
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (isSectionTitle(lines, k) || trailerTitleOf(line) || parseHeading(line) || parseFootnote(line)) break;
    if (!isBlank(line)) end = k + 1;
  }
  return end;
}

/** Keep lines[start, end) verbatim as a note of the section's last entry (or of a new UNSORTED entry). */
function placeUnplaced(
  ctx: ParseContext,
  section: SectionInput,
  start: number,
  end: number,
  blanks: number,
  why?: string,
): void {
  const entries = section.entries!;
  let entry = entries.at(-1);
  if (!entry) entries.push((entry = { label: UNSORTED_LABEL }));
  const notes = (entry.notes ??= []) as string[];
  notes.push(blockText(ctx.lines.slice(start, end), blanks));
  const owner = entry.ticket ?? `(${entry.label})`;
  const range = end - start > 1 ? `lines ${ctx.lineOf(start)}-${ctx.lineOf(end - 1)}` : "this line";
  notice(
    ctx,
    start,
    `unplaced: ${why ?? `the report has no place for ${quote(ctx.lines[start]!)}`}; ` +
      `${range} kept as a note of ${owner} in section ${quote(section.title)}: move or delete it`,
  );
}
