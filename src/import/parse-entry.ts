// One entry of a section: `[KEY] (summary)` or `(LABEL)`, then its blocks: `*`/`-` bullets with
// their indented continuation lines (one note each), `  TODO:` paragraphs, `No progress`.
import type { z } from "zod";
import { cutSummary, headingRoom } from "../report/cut-summary.js";
import type { Entry } from "../report/schema.js";
import {
  dedent,
  isBlank,
  isIndented,
  parseBullet,
  parseFootnote,
  parseTodo,
  progressOf,
  type Heading,
  type ProgressValue,
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

export type EntryInput = z.input<typeof Entry>;

interface Block {
  kind: "note" | "todo";
  lines: string[];
  /** Blank lines after the block (0 at the end of the body). */
  blanks: number;
}

type BlockKind = "note" | "todo" | "loose";

/** Parse the entry whose heading is lines[i]; `next` is the first non-blank line after it. */
export function parseEntry(ctx: ParseContext, i: number, heading: Heading): { entry: EntryInput; next: number } {
  checkHeading(ctx, i, heading);
  const blocks: Block[] = [];
  let progress: ProgressValue | undefined;
  let end = i + 1;
  const bare = ctx.lines[end] === undefined || parseBullet(ctx.lines[end]!) ? undefined : progressOf(ctx.lines[end]!);
  if (bare) {
    notice(
      ctx,
      end,
      `normalized: ${quote(ctx.lines[end]!)} renders as "${ctx.style.bullet} ${ctx.lines[end]!.trim()}"`,
    );
    progress = bare;
    end++;
  }
  for (;;) {
    const next = skipBlank(ctx, end);
    const kind = next < ctx.lines.length ? blockKindAt(ctx, next) : undefined;
    const last = blocks.at(-1);
    if (last) last.blanks = blanksAfter(ctx, end, next);
    else if (progress || !kind) expectOneBlank(ctx, end, next);
    else if (next > end) notice(ctx, end, "normalized: blank line after the heading dropped");
    if (!kind) return { entry: buildEntry(ctx, i, heading, progress, blocks), next };
    const parsed = parseBlock(ctx, next, kind);
    if (parsed.block.lines.some((l) => l !== "")) blocks.push(parsed.block);
    else notice(ctx, next, `normalized: ${quote(ctx.lines[next]!)} has no text; the report prints nothing for it`);
    end = parsed.end;
  }
}

function blockKindAt(ctx: ParseContext, i: number): BlockKind | undefined {
  const line = ctx.lines[i]!;
  if (parseBullet(line)) return "note";
  if (parseTodo(line) !== undefined) return "todo";
  if (isIndented(line) && !isFootnoteBlockAt(ctx, i)) return "loose";
  return undefined;
}

function parseBlock(ctx: ParseContext, i: number, kind: BlockKind): { block: Block; end: number } {
  const line = ctx.lines[i]!;
  const end = continuationEnd(ctx, i + 1);
  let first: string;
  if (kind === "todo") first = parseTodo(line)!;
  else if (kind === "loose") {
    first = line.trim();
    notice(ctx, i, `normalized: text without a bullet renders as "${ctx.style.bullet} ${first}"`);
  } else {
    const bullet = parseBullet(line, ctx.style.bullet)!;
    first = bullet.text;
    if (!bullet.exact) notice(ctx, i, `normalized: ${quote(line)} renders as "${ctx.style.bullet} ${first}"`);
  }
  const lines = [first];
  for (let k = i + 1; k < end; k++) {
    const d = dedent(ctx.lines[k]!);
    if (!d.exact)
      notice(
        ctx,
        k,
        `normalized: indentation of ${quote(ctx.lines[k]!)}; the report indents continuation lines by two spaces`,
      );
    lines.push(d.text);
  }
  return { block: { kind: kind === "todo" ? "todo" : "note", lines, blanks: 0 }, end };
}

/** End (exclusive) of a block's continuation: indented lines, and blank lines followed by more. */
function continuationEnd(ctx: ParseContext, j: number): number {
  const { lines } = ctx;
  let end = j;
  while (end < lines.length) {
    if (isIndented(lines[end]!)) {
      end++;
      continue;
    }
    if (!isBlank(lines[end]!)) break;
    const k = skipBlank(ctx, end);
    if (k < lines.length && isIndented(lines[k]!) && parseTodo(lines[k]!) === undefined && !isFootnoteBlockAt(ctx, k))
      end = k;
    else break;
  }
  return end;
}

/** An indented `[1] url` list that ends the entry (nothing indented after it), not part of a note. */
export function isFootnoteBlockAt(ctx: ParseContext, i: number): boolean {
  const { lines } = ctx;
  if (!parseFootnote(lines[i]!)) return false;
  let k = i + 1;
  while (k < lines.length && isIndented(lines[k]!)) k++;
  const after = skipBlank(ctx, k);
  return after >= lines.length || !isIndented(lines[after]!);
}

function checkHeading(ctx: ParseContext, i: number, h: Heading): void {
  const head = h.ticket ? `[${h.ticket}]` : `(${h.label})`;
  const canonical = h.summary === undefined ? head : `${head} (${h.summary})`;
  if (!h.exact) notice(ctx, i, `normalized: ${quote(ctx.lines[i]!)} renders as ${quote(canonical)}`);
  const room = headingRoom(ctx.summaryWidth, head);
  if (h.summary !== undefined && h.summary.length > room && cutSummary(h.summary, room) !== h.summary) {
    notice(
      ctx,
      i,
      `the heading is longer than summary_width (${ctx.summaryWidth}) and renders cut with " ..."; ` +
        "raise summary_width in weekly.config.yaml to print it whole",
    );
  }
  if (!h.ticket) return;
  const first = ctx.tickets.get(h.ticket);
  if (first === undefined) ctx.tickets.set(h.ticket, ctx.lineOf(i));
  else
    notice(
      ctx,
      i,
      `${h.ticket} is reported twice: at line ${first} and here; ` +
        "was a block pasted twice? (`weekly check` flags it in the written file)",
    );
}

function buildEntry(
  ctx: ParseContext,
  i: number,
  h: Heading,
  progress: ProgressValue | undefined,
  blocks: Block[],
): EntryInput {
  const kept = mergeEarlyTodos(ctx, i, blocks);
  const only = kept.length === 1 && !progress ? kept[0]! : undefined;
  const progressNote =
    only?.kind === "note" && only.lines.length === 1 && only.blanks <= 1 ? progressOf(only.lines[0]!) : undefined;
  if (progressNote && only!.lines[0] === (progressNote === "none" ? "No progress" : "No update")) {
    progress = progressNote;
    kept.length = 0;
  }
  const notes = kept.filter((b) => b.kind === "note").map((b) => blockText(b.lines, b.blanks));
  const todo = kept.filter((b) => b.kind === "todo").map((b) => blockText(b.lines, b.blanks));
  return {
    ...(h.ticket ? { ticket: h.ticket } : { label: h.label! }),
    ...(h.summary !== undefined ? { summary: h.summary } : {}),
    ...(progress ? { progress } : {}),
    ...(notes.length ? { notes } : {}),
    ...(todo.length ? { todo } : {}),
  };
}

/**
 * The template prints TODOs after all notes: a TODO with notes after it stays where it stood,
 * as part of the note before it (its lines print the same there).
 */
function mergeEarlyTodos(ctx: ParseContext, i: number, blocks: Block[]): Block[] {
  const lastNote = blocks.map((b) => b.kind).lastIndexOf("note");
  const out: Block[] = [];
  blocks.forEach((b, k) => {
    const prev = out.at(-1);
    if (b.kind === "note" || k > lastNote) return void out.push(b);
    if (prev?.kind === "note") {
      prev.lines.push(...Array<string>(prev.blanks).fill(""), `TODO: ${b.lines[0]}`, ...b.lines.slice(1));
      prev.blanks = b.blanks;
    } else {
      notice(ctx, i, "normalized: a TODO before the first note renders after the notes");
      out.push(b);
    }
  });
  return out;
}
