// `=== Title ===` sections after the projects: Patch status (lines indented by four), Issues
// (bullets), Travel&Holiday&Event (lines) become patches/issues/events when they print back the
// same there; any other title, or one that would not, becomes a verbatim trailer.
import {
  dedent,
  isBlank,
  isIndented,
  isSectionTitle,
  parseBullet,
  parseHeading,
  trailerTitleOf,
} from "./line-patterns.js";
import { blanksAfter, blockText, notice, type ParseContext } from "./parse-context.js";

export interface Trailers {
  patches?: string[];
  issues?: string[];
  events?: string[];
  trailers: { title: string; text: string }[];
}

type Style = "indented" | "bullets" | "lines";
const KNOWN: Record<string, { field: "patches" | "issues" | "events"; style: Style; order: number }> = {
  "Patch status": { field: "patches", style: "indented", order: 1 },
  Issues: { field: "issues", style: "bullets", order: 2 },
  "Travel&Holiday&Event": { field: "events", style: "lines", order: 3 },
};

/** Parse the trailer titled at lines[i] into `into`; returns the first line after it. */
export function parseTrailer(ctx: ParseContext, into: Trailers, i: number): number {
  const { lines } = ctx;
  const { title, exact } = trailerTitleOf(lines[i]!)!;
  if (!exact) notice(ctx, i, `normalized: the title prints as "=== ${title} ==="`);
  let next = i + 1;
  while (next < lines.length && !endsTrailer(lines, next)) next++;
  let end = next;
  while (end > i + 1 && isBlank(lines[end - 1]!)) end--;
  const content = lines.slice(i + 1, end);
  const blanks = blanksAfter(ctx, end, next);
  const known = KNOWN[title];
  const lastOrder = Math.max(
    0,
    ...Object.values(KNOWN)
      .filter((k) => into[k.field])
      .map((k) => k.order),
  );
  const items =
    known && into.trailers.length === 0 && known.order > lastOrder
      ? toItems(known.style, content, blanks, ctx.style.bullet)
      : undefined;
  if (known && items) into[known.field] = items;
  else into.trailers.push({ title, text: verbatimText(ctx, i, content, blanks) });
  return next;
}

/** A trailer runs to the next trailer title, or to what is plainly report structure again (a pasted block). */
function endsTrailer(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (trailerTitleOf(line) || parseHeading(line)?.ticket) return true;
  return isSectionTitle(lines, i) && lines[i + 1] === "=".repeat([...line].length);
}

/** The trailer's lines as list items that print back the same, or undefined when they would not. */
function toItems(style: Style, content: readonly string[], blanks: number, bullet: string): string[] | undefined {
  if (content.length === 0) return blanks <= 1 ? [] : undefined;
  const groups: string[][] = [];
  const gaps: number[] = [];
  for (const line of content) {
    if (isBlank(line)) {
      if (line !== "" || groups.length === 0) return undefined;
      gaps[groups.length - 1]!++;
      continue;
    }
    const item = itemLine(style, line, bullet);
    if (item === undefined) return undefined;
    if (item.starts) {
      groups.push([item.text]);
      gaps.push(0);
    } else {
      const group = groups.at(-1);
      if (!group) return undefined;
      group.push(...Array<string>(gaps[groups.length - 1]!).fill(""), item.text);
      gaps[groups.length - 1] = 0;
    }
  }
  return groups.map((g, k) => blockText(g, k === groups.length - 1 ? blanks : gaps[k]! + 1));
}

/** One non-blank line of a trailer: does it start an item, and with what text. */
function itemLine(style: Style, line: string, bullet: string): { starts: boolean; text: string } | undefined {
  if (style === "lines") return { starts: true, text: line };
  if (style === "indented") return line.startsWith("    ") ? { starts: true, text: line.slice(4) } : undefined;
  const item = parseBullet(line, bullet);
  if (item) return item.exact ? { starts: true, text: item.text } : undefined;
  const d = dedent(line);
  return isIndented(line) && d.exact ? { starts: false, text: d.text } : undefined;
}

/** A trailer's text as it stood; each blank line after it beyond the one the template prints is kept. */
function verbatimText(ctx: ParseContext, i: number, content: readonly string[], blanks: number): string {
  if (content.length > 0) return blockText(content, blanks);
  if (blanks === 2) notice(ctx, i, "normalized: an empty trailer prints with one blank line after it");
  return blanks >= 3 ? "\n".repeat(blanks - 1) : "";
}
