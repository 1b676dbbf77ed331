// One project section: its title lines (kept as written when the template would not print them
// so), a `# ` comment and a `No progress` line under the title, then its items in order: entries,
// paragraphs of its own text (prose, bare bullets), and the footnotes at its end.
import type { EntryInput, SectionInput } from "./body.js";
import { blanksAfter, blockText, type ParseContext, skipBlank, trimEnd } from "./context.js";
import { footnoteBlockAt } from "./footnotes.js";
import { headingAt } from "./headings.js";
import { bulletOf, isBlank, isComment, isTodo } from "./lines.js";
import { parseEntry } from "./parse-entry.js";
import type { TitleAt } from "./titles.js";

/** The section titled at lines[i] (or untitled, when `title` is absent), up to `end`; `blanks` follow it. */
export function parseSection(
  ctx: ParseContext,
  i: number,
  end: number,
  title: TitleAt | undefined,
  blanks: number,
): SectionInput {
  const { lines } = ctx;
  const section: SectionInput = title ? { title: title.title, entries: [] } : { entries: [] };
  let k = title ? i + title.lines : i;
  const preamble = readPreamble(ctx, k, end);
  const first = skipBlank(lines, preamble.end, end);
  const gap = first - preamble.end;
  if (preamble.end > k && (first === end || gap === 1)) {
    Object.assign(section, preamble.fields);
    k = first;
  } else k = title ? i + title.lines : i;
  if (title) {
    const next = skipBlank(lines, k, end);
    // The template prints the first item right under the title (or one blank line under a preamble).
    const extra = section.comment === undefined && section.progress === undefined ? next - k : 0;
    const canonical = title.lines === 2 && title.underline?.exact && title.underline.char === ctx.layout.underline;
    if (!canonical || extra > 0) {
      const own = lines.slice(i, i + title.lines);
      // Items print right under the heading: its text ends in a line end per blank line before them.
      section.heading = next < end ? `${own.join("\n")}\n${"\n".repeat(extra)}` : blockText(own, blanks);
    }
    k = next;
  }
  parseItems(ctx, section, skipBlank(lines, k, end), end, blanks);
  return section;
}

/** `# comment` lines and a lone "No progress" right under the title, when the template prints them so. */
function readPreamble(ctx: ParseContext, k: number, end: number) {
  const { lines } = ctx;
  const comment: string[] = [];
  for (; k < end && isComment(lines[k]!) && lines[k] !== "#"; k++) comment.push(lines[k]!.slice(2));
  const progress = lines[k] === "No progress" ? "none" : lines[k] === "No update" ? "no-update" : undefined;
  if (progress) k++;
  const fields = { ...(comment.length ? { comment: blockText(comment, 0) } : {}), ...(progress ? { progress } : {}) };
  return { end: k, fields };
}

function parseItems(ctx: ParseContext, section: SectionInput, start: number, end: number, blanks: number): void {
  const { lines } = ctx;
  const entries = section.entries as EntryInput[];
  const spans: [number, number][] = [];
  for (let k = start; k < end; k = skipBlank(lines, spans.at(-1)![1], end)) spans.push([k, endOfItem(ctx, k, end)]);
  // Items that follow one another with no blank line between (a compact layout): the section says so.
  const tight = spans.length > 1 && spans.slice(1).every(([k], n) => k === trimEnd(lines, spans[n]![0], spans[n]![1]));
  if (tight) section.tight = true;
  for (const [k, itemEnd] of spans) {
    const stop = trimEnd(lines, k, itemEnd);
    const after = itemEnd >= end ? blanks : tight ? 0 : blanksAfter(lines, stop, end);
    const footnotes = footnoteBlockAt(lines, k, stop);
    const h = headingAt(lines, k);
    if (footnotes && footnotes.end === stop && itemEnd >= end && footnotes.exact && after <= 1) {
      section.references = footnotes.references;
      if (footnotes.indent !== ctx.layout.footnoteIndent) section.footnote_indent = footnotes.indent;
    } else if (h) entries.push(parseEntry(ctx, k, stop, h, after));
    else entries.push(textItem(ctx, k, stop, after));
  }
}

/** A paragraph of the section's own. */
const textItem = (ctx: ParseContext, k: number, stop: number, blanks: number): EntryInput => ({
  text: blockText(ctx.lines.slice(k, stop), blanks),
});

/** Where the item at lines[k] ends: an entry takes its bullets and indented lines; text runs to a blank line. */
function endOfItem(ctx: ParseContext, k: number, end: number): number {
  const { lines } = ctx;
  const h = headingAt(lines, k);
  if (!h) {
    const block = footnoteBlockAt(lines, k, end);
    if (block) return block.end;
  }
  const footnotesFrom = (n: number) => footnoteBlockAt(lines, n, end) !== undefined && onlyFootnotesFrom(ctx, n, end);
  let j = h ? k + h.lines : k + 1;
  for (; j < end; j++) {
    if (!isBlank(lines[j])) {
      if (headingAt(lines, j)) break;
      continue;
    }
    const next = skipBlank(lines, j, end);
    if (next >= end || !h || !continuesEntry(lines[next]!) || footnotesFrom(next)) break;
    j = next - 1;
  }
  return j;
}

/** After a blank line, an entry goes on with an indented line, a bullet or a TODO; prose starts text of its own. */
const continuesEntry = (line: string) => /^[ \t]/.test(line) || bulletOf(line) !== undefined || isTodo(line);

/** From lines[j] on, nothing but footnote blocks (and blank lines) to the end of the section. */
function onlyFootnotesFrom(ctx: ParseContext, j: number, end: number): boolean {
  for (let k = j; k < end; ) {
    const block = footnoteBlockAt(ctx.lines, k, end);
    if (!block) return false;
    k = skipBlank(ctx.lines, block.end, end);
  }
  return true;
}
