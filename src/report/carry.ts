// Next week's report from last week's: the same sections and tickets, notes cleared to "no
// progress" (or kept as YAML comments), TODOs and patches kept, footnotes kept only where still
// used and renumbered, past events dropped. Edits the YAML document itself, so comments stay.
import { type Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import { FOOTNOTE_CITE as FOOTNOTE } from "../core/text.js";
import { eventEnd } from "./event-dates.js";
import type { Report } from "./schema.js";
import { reportTexts } from "./texts.js";
import { addDays } from "./week.js";

export interface CarryOptions {
  weekEnding: string;
  /** Last week's ending: events dated on or before it are past. */
  previous: string;
  notes: "clear" | "comment";
  /** Tickets to leave out (done in Jira, with --drop-done). */
  drop?: ReadonlySet<string>;
  /** Tickets that moved in Jira: carried over under their new key. */
  rename?: ReadonlyMap<string, string>;
}

export interface CarryResult {
  /** What was dropped or could not be decided. */
  notices: Diagnostic[];
}

/** Edits `doc` (last week's file) into next week's; `report` is the same file, loaded and valid. */
export function carryForward(doc: Document.Parsed, report: Report, opts: CarryOptions): CarryResult {
  const lines: string[] = [];
  // Found by their paths in last week's file before anything moves: the texts that stay.
  const staying = stayingTexts(doc, report, opts.drop);
  if (doc.has("week_ending")) doc.set("week_ending", opts.weekEnding);
  renameWeekInHeader(doc, opts.weekEnding);
  // This week's words go like its notes: the quote of last week's thread, the intro, the prose.
  for (const key of ["quote", "intro", "after"]) doc.delete(key);
  for (const section of items(doc.get("sections"))) {
    if (!isMap(section)) continue;
    const entries = section.get("entries");
    if (!isSeq(entries)) continue;
    entries.items = entries.items.filter((entry) => {
      const ticket = isMap(entry) ? String(entry.get("ticket") ?? "") : "";
      if (opts.drop?.has(ticket)) lines.push(`${ticket} left out: done in Jira (--drop-done)`);
      return !opts.drop?.has(ticket) && !isProse(entry);
    });
    for (const entry of entries.items) {
      if (!isMap(entry)) continue;
      // What weekly push did with this week's status change and time is done.
      for (const key of ["set_status", "resolution", "time_spent"]) entry.delete(key);
      clearNotes(doc, entry, opts.notes);
      const ticket = entry.get("ticket", true);
      const renamed = isScalar(ticket) ? opts.rename?.get(String(ticket.value).toUpperCase()) : undefined;
      if (isScalar(ticket) && renamed) ticket.value = renamed; // the node stays: its comments with it
    }
  }
  renumberFootnotes(doc, staying, lines);
  dropEmptyReferences(doc);
  dropPastEvents(doc, opts, lines);
  return { notices: lines.map((message) => ({ severity: "info", message })) };
}

/**
 * The line `weekly new` wrote at the top of the first week names that week: it names this one now.
 * YAML puts a comment right above the first key on that key, not on the document.
 */
function renameWeekInHeader(doc: Document.Parsed, weekEnding: string): void {
  const renamed = (c: string | null | undefined) =>
    c?.replace(/(The week ending )\d{4}-\d{2}-\d{2}\./, `$1${weekEnding}.`);
  if (doc.commentBefore) doc.commentBefore = renamed(doc.commentBefore) ?? null;
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first) && first.commentBefore) first.commentBefore = renamed(first.commentBefore) ?? null;
}

/** A paragraph of the section's own (`- text: ...` alone): this week's prose. */
const isProse = (entry: unknown) => isMap(entry) && entry.items.length === 1 && entry.has("text");

/** The scalar nodes of the texts that next week keeps: all but notes and the entries left out. */
function stayingTexts(doc: Document.Parsed, report: Report, drop: ReadonlySet<string> | undefined): Scalar[] {
  const out: Scalar[] = [];
  for (const { path } of reportTexts(report)) {
    const [top, i, , j, field] = path;
    if (top === "quote" || top === "intro" || (top === "sections" && (field === "notes" || field === "text"))) continue;
    const ticket = typeof i === "number" && typeof j === "number" ? report.sections[i]?.entries[j]?.ticket : undefined;
    if (ticket && drop?.has(ticket)) continue;
    const node = scalarAt(doc, path);
    if (node) out.push(node);
  }
  return out;
}

/**
 * Notes go (into a `# last week:` comment above `progress: none` when asked); the entry says
 * "No progress". Comments written about the notes stay, above `progress:`. An entry that had no
 * notes loses the `# last week:` block an earlier carry wrote: it is two weeks old now.
 */
function clearNotes(doc: Document.Parsed, entry: YAMLMap, mode: CarryOptions["notes"]): void {
  // An entry's own `text:` is this week's too; it goes as notes go.
  const own = entry.items.find((p) => isScalar(p.key) && p.key.value === "text");
  if (own) {
    if (!entry.has("notes"))
      (own.key as Scalar).value = "notes"; // the node stays, with its comments
    else entry.delete("text");
  }
  const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === "notes");
  if (!pair) return dropLastWeek(entry);
  const notes = pair.value;
  const texts = isSeq(notes) ? notes.items.map(scalarText) : [scalarText(notes)];
  // What was said about the notes stays; a `# last week:` block among it is a week older now.
  const said = commentsIn(pair)
    .map(withoutLastWeek)
    .filter((c): c is string => c !== undefined);
  entry.delete("notes");
  if (!entry.has("progress")) entry.items.push(doc.createPair("progress", "none"));
  const progress = entry.items.find((p) => isScalar(p.key) && p.key.value === "progress") as Pair<Scalar> | undefined;
  if (!progress?.key) return;
  const lastWeek =
    mode === "comment"
      ? [
          " last week:",
          ...texts.flatMap((t) =>
            t
              .replace(/\n$/, "")
              .split("\n")
              .map((l, i) => (l === "" ? "" : ` ${i === 0 ? "- " : "  "}${l}`)),
          ),
        ]
      : [];
  const before = withoutLastWeek(progress.key.commentBefore);
  const all = [...(before ? [before] : []), ...said, ...lastWeek];
  if (all.length) progress.key.commentBefore = all.join("\n");
}

/** The comments on a `notes:` pair and its items, in file order. */
function commentsIn(pair: Pair): string[] {
  const out: string[] = [];
  const take = (node: unknown) => {
    if (!isScalar(node) && !isSeq(node)) return;
    if (node.commentBefore) out.push(node.commentBefore);
    if (node.comment) out.push(node.comment);
  };
  take(pair.key);
  take(pair.value);
  if (isSeq(pair.value)) for (const item of pair.value.items) take(item);
  return out;
}

const LAST_WEEK_LINE = /^(?: - .*| {3}.*|)$/;

/** A comment without the `# last week:` block that carry_notes: comment writes. */
function withoutLastWeek(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split("\n");
  const start = lines.indexOf(" last week:");
  if (start === -1) return comment;
  let end = start + 1;
  while (end < lines.length && LAST_WEEK_LINE.test(lines[end]!)) end++;
  const kept = [...lines.slice(0, start), ...lines.slice(end)];
  return kept.length ? kept.join("\n") : undefined;
}

function dropLastWeek(entry: YAMLMap): void {
  const key = entry.items.find((p) => isScalar(p.key) && p.key.value === "progress")?.key;
  if (isScalar(key) && key.commentBefore) key.commentBefore = withoutLastWeek(key.commentBefore) ?? null;
}

/** Footnotes still cited keep their text and take numbers 1, 2, ... in order of first use. */
function renumberFootnotes(doc: Document.Parsed, texts: readonly Scalar[], notices: string[]): void {
  const order: string[] = [];
  for (const s of texts)
    for (const m of String(s.value).matchAll(FOOTNOTE)) if (!order.includes(m[1]!)) order.push(m[1]!);
  const maps = referenceMaps(doc);
  const defined = new Set(maps.flatMap((m) => m.items.map((p) => String((p.key as { value: unknown }).value))));
  const renumber = new Map(order.filter((n) => defined.has(n)).map((n, i) => [n, String(i + 1)]));
  for (const s of texts)
    s.value = String(s.value).replace(FOOTNOTE, (all, n: string) => (renumber.has(n) ? `[${renumber.get(n)}]` : all));
  for (const map of maps) {
    const dropped = map.items.filter((p) => !renumber.has(String((p.key as { value: unknown }).value)));
    if (dropped.length)
      notices.push(
        `footnote${dropped.length > 1 ? "s" : ""} ` +
          `${dropped.map((p) => `[${(p.key as { value: unknown }).value}]`).join(", ")} left out: no longer cited`,
      );
    map.items = map.items
      .filter((p) => renumber.has(String((p.key as { value: unknown }).value)))
      .map((p) => {
        (p.key as { value: unknown }).value = Number(renumber.get(String((p.key as { value: unknown }).value)));
        return p;
      })
      .sort((a, b) => Number((a.key as { value: unknown }).value) - Number((b.key as { value: unknown }).value));
  }
}

function dropEmptyReferences(doc: Document.Parsed): void {
  const empty = (owner: { get(k: string, keep: true): unknown }) => {
    const refs = owner.get("references", true);
    return isMap(refs) && refs.items.length === 0;
  };
  for (const section of items(doc.get("sections"))) if (isMap(section) && empty(section)) section.delete("references");
  if (empty(doc as never)) doc.delete("references");
}

/** Events that ended before the new week are past (a range counts by its last day); undated ones stay. */
function dropPastEvents(doc: Document.Parsed, opts: CarryOptions, notices: string[]): void {
  const events = doc.get("events", true);
  if (!isSeq(events)) return;
  const start = addDays(opts.weekEnding, -6);
  events.items = events.items.filter((item) => {
    const text = scalarText(item);
    const date = eventEnd(text, start);
    if (date === undefined) notices.push(`event kept (its date is not clear): ${JSON.stringify(text.split("\n")[0])}`);
    else if (date < start) notices.push(`event left out (past): ${JSON.stringify(text.split("\n")[0])}`);
    return date === undefined || date >= start;
  });
}

/** The scalar node of a text: a list item, or a single string where the loaded report has a list. */
function scalarAt(doc: Document.Parsed, path: PropertyKey[]): Scalar | undefined {
  const node = doc.getIn(path, true);
  if (isScalar(node)) return node;
  const parent = path.at(-1) === 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
  return isScalar(parent) ? parent : undefined;
}

function referenceMaps(doc: Document.Parsed): YAMLMap[] {
  const maps: YAMLMap[] = [];
  const top = doc.get("references", true);
  for (const section of items(doc.get("sections"))) {
    const refs = isMap(section) ? section.get("references", true) : undefined;
    if (isMap(refs)) maps.push(refs);
  }
  if (isMap(top)) maps.push(top);
  return maps;
}

const items = (node: unknown): unknown[] => (isSeq(node) ? (node as YAMLSeq).items : []);
const scalarText = (node: unknown): string => (isScalar(node) ? String(node.value) : "");
