// One entry: its heading and the lines under it. Bullets in the email's own style with their
// continuation lines (one note each), `  TODO:` paragraphs and a lone "No progress" become
// structure when the template prints them back exactly; any other layout is kept as the entry's
// text, exactly as written ("no progress" in any spelling still counts as no progress).
import type { EntryInput } from "./body.js";
import { blockText, type ParseContext, notice } from "./context.js";
import type { HeadingAt } from "./headings.js";
import { canonicalBullet, isBlank, isTodo, progressLine, progressOf } from "./lines.js";

interface Block {
  kind: "note" | "todo";
  lines: string[];
}

/** The entry at lines[i] (its heading) to `end` (exclusive, blank lines at the end excluded); `blanks` follow it. */
export function parseEntry(ctx: ParseContext, i: number, end: number, h: HeadingAt, blanks: number): EntryInput {
  checkTwice(ctx, i, h);
  const heading = ctx.lines.slice(i, i + h.lines);
  const body = ctx.lines.slice(i + h.lines, end);
  // Fields set one by one, in the order the file shows them (spreads of optional parts cost more).
  const entry: EntryInput =
    h.keys.length > 1 ? { tickets: h.keys } : h.keys.length === 1 ? { ticket: h.keys[0]! } : { label: h.label! };
  if (h.summary !== undefined) entry.summary = h.summary;
  // A heading alone keeps the blank lines after it in its own text (the template prints one).
  if (!(h.canonical && (body.length > 0 || blanks <= 1))) entry.heading = blockText(heading, body.length ? 1 : blanks);
  if (body.length === 0) return entry;
  const progress = progressOfBody(body);
  const structured = structure(body, ctx, blanks);
  if (structured && !(progress && structured.notes?.length)) return Object.assign(entry, structured);
  if (progress) entry.progress = progress;
  entry.text = blockText(body, blanks);
  return entry;
}

/** A body that says "no progress" (in any spelling) in its first line and nothing more than that paragraph. */
function progressOfBody(body: readonly string[]): "none" | "no-update" | undefined {
  const value = progressOf(body[0]!);
  return value && body.slice(1).every((l) => !isBlank(l) && /^\s/.test(l)) ? value : undefined;
}

/** Notes and TODOs when the template would print exactly these lines; undefined otherwise. */
function structure(body: readonly string[], ctx: ParseContext, blanks: number): Partial<EntryInput> | undefined {
  const { bullet, tight } = ctx.layout;
  if (body.length === 1 && body[0] === progressLine("none", bullet)) return { progress: "none" };
  if (body.length === 1 && body[0] === progressLine("no-update", bullet)) return { progress: "no-update" };
  const blocks: Block[] = [];
  for (let k = 0; k < body.length; ) {
    const text = canonicalBullet(body[k]!, bullet);
    const todo = text === undefined && isTodo(body[k]!) ? body[k]!.slice(8) : undefined;
    if (text === undefined && todo === undefined) return undefined;
    let next = k + 1;
    while (next < body.length && !canonicalBullet(body[next]!, bullet) && !isTodo(body[next]!)) next++;
    // Continuation lines are indented by two; the blank lines between blocks are the template's.
    let own = next;
    while (own - k > 1 && body[own - 1] === "") own--;
    if (next - own !== (next < body.length ? (tight ? 0 : 1) : 0)) return undefined;
    const lines = [text ?? todo!];
    for (let n = k + 1; n < own; n++) {
      if (body[n] !== "" && !body[n]!.startsWith("  ")) return undefined;
      lines.push(body[n]!.slice(2));
    }
    blocks.push({ kind: text !== undefined ? "note" : "todo", lines });
    k = next;
  }
  const lastNote = blocks.map((b) => b.kind).lastIndexOf("note");
  if (blocks.some((b, n) => b.kind === "todo" && n < lastNote)) return undefined; // TODOs print after the notes
  const texts = blocks.map((b, n) => blockText(b.lines, n === blocks.length - 1 ? blanks : 1));
  const notes = texts.filter((_, n) => blocks[n]!.kind === "note");
  const todo = texts.filter((_, n) => blocks[n]!.kind === "todo");
  const out: Partial<EntryInput> = {};
  if (notes.length) out.notes = notes;
  if (todo.length) out.todo = todo;
  return out;
}

function checkTwice(ctx: ParseContext, i: number, h: HeadingAt): void {
  for (const key of h.keys) {
    const first = ctx.tickets.get(key);
    if (first === undefined) ctx.tickets.set(key, ctx.lineOf(i));
    else {
      const why = "was a block pasted twice? (`weekly check` flags it in the written file)";
      notice(ctx, i, `${key} is reported twice: at line ${first} and here; ${why}`);
    }
  }
}
