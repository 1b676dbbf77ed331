// `=== Title ===` parts after the projects: Patch status (lines indented by four), Issues
// (bullets), Travel&Holiday&Event (lines) become patches/issues/events when they print back
// the same there, in the template's order; any other, or one that would not, is kept verbatim.
import type { ParsedBody } from "./body.js";
import { blockText, notice, type ParseContext } from "./context.js";
import { headingAt } from "./headings.js";
import { canonicalBullet, isBlank } from "./lines.js";
import { trailerTitleOf } from "./titles.js";

type Style = "indented" | "bullets" | "lines";
type Field = "patches" | "issues" | "events";
const KNOWN: Record<string, { field: Field; style: Style; order: number }> = {
  "Patch status": { field: "patches", style: "indented", order: 1 },
  Issues: { field: "issues", style: "bullets", order: 2 },
  "Travel&Holiday&Event": { field: "events", style: "lines", order: 3 },
};

/** The trailer titled at lines[i], its content up to `end` (blank lines at the end excluded); `blanks` follow it. */
export function parseTrailer(ctx: ParseContext, into: ParsedBody, i: number, end: number, blanks: number): void {
  const { title, exact } = trailerTitleOf(ctx.lines[i]!)!;
  const content = ctx.lines.slice(i + 1, end);
  namePasted(ctx, i + 1, end, title);
  const known = KNOWN[title];
  const trailers = into.trailers ?? [];
  const lastOrder = Math.max(
    0,
    ...Object.values(KNOWN)
      .filter((k) => into[k.field])
      .map((k) => k.order),
  );
  const fits = known && exact && trailers.length === 0 && known.order > lastOrder;
  const items = fits ? itemsOf(known.style, content, blanks, ctx.layout.bullet) : undefined;
  if (known && items) {
    into[known.field] = items;
    return;
  }
  const text = content.length ? blockText(content, blanks) : "\n".repeat(Math.max(0, blanks - 1));
  into.trailers = [...trailers, { title, ...(exact ? {} : { heading: ctx.lines[i]! }), text }];
}

/** Entries of tickets reported above, inside a trailer (a block pasted twice): they stay its text, named. */
function namePasted(ctx: ParseContext, start: number, end: number, title: string): void {
  for (let k = start; k < end; k++) {
    for (const key of headingAt(ctx.lines, k)?.keys ?? []) {
      const first = ctx.tickets.get(key);
      if (first === undefined) continue;
      const why = `it stays text of === ${title} === (a block pasted twice?)`;
      notice(ctx, k, `${key} is reported twice: at line ${first} and here, after the trailers; ${why}`);
    }
  }
}

/** The content as list items that print back the same, or undefined when they would not. */
function itemsOf(style: Style, content: readonly string[], blanks: number, bullet: string): string[] | undefined {
  if (content.length === 0) return blanks <= 1 ? [] : undefined;
  const groups: string[][] = [];
  for (const [k, line] of content.entries()) {
    if (isBlank(line)) {
      // Only in Issues bullets: a blank line is part of the bullet's text (inside it, or after it).
      if (line !== "" || style !== "bullets" || !groups.length || k + 1 >= content.length) return undefined;
      groups.at(-1)!.push("");
      continue;
    }
    if (style === "lines") groups.push([line]);
    else if (style === "indented") {
      if (!line.startsWith("    ")) return undefined;
      groups.push([line.slice(4)]);
    } else {
      const text = canonicalBullet(line, bullet);
      if (text !== undefined) groups.push([text]);
      else if (line.startsWith("  ") && groups.length) groups.at(-1)!.push(line.slice(2));
      else return undefined;
    }
  }
  return groups.map((g, k) => blockText(g, k === groups.length - 1 ? blanks : 1));
}
