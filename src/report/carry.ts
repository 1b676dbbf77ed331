// Next week's report from last week's: the same sections and tickets, notes cleared to "no
// progress" (or kept as YAML comments), TODOs and patches kept, footnotes kept only where still
// used and renumbered, past events dropped. Edits the YAML document itself, so comments stay.
import { type Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import { FOOTNOTE_CITE as FOOTNOTE, MONTHS } from "../core/text.js";
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
  for (const section of items(doc.get("sections"))) {
    if (!isMap(section)) continue;
    const entries = section.get("entries");
    if (!isSeq(entries)) continue;
    entries.items = entries.items.filter((entry) => {
      const ticket = isMap(entry) ? String(entry.get("ticket") ?? "") : "";
      if (opts.drop?.has(ticket)) lines.push(`${ticket} left out: done in Jira (--drop-done)`);
      return !opts.drop?.has(ticket);
    });
    for (const entry of entries.items) {
      if (!isMap(entry)) continue;
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

/** The scalar nodes of the texts that next week keeps: all but notes and the entries left out. */
function stayingTexts(doc: Document.Parsed, report: Report, drop: ReadonlySet<string> | undefined): Scalar[] {
  const out: Scalar[] = [];
  for (const { path } of reportTexts(report)) {
    const [top, i, , j, field] = path;
    if (top === "sections" && field === "notes") continue;
    const ticket = typeof i === "number" && typeof j === "number" ? report.sections[i]?.entries[j]?.ticket : undefined;
    if (ticket && drop?.has(ticket)) continue;
    const node = scalarAt(doc, path);
    if (node) out.push(node);
  }
  return out;
}

/** Notes go (into a comment above `progress: none` when asked); the entry says "No progress". */
function clearNotes(doc: Document.Parsed, entry: YAMLMap, mode: CarryOptions["notes"]): void {
  const notes = entry.get("notes", true);
  if (notes === undefined) return;
  const texts = isSeq(notes) ? notes.items.map(scalarText) : [scalarText(notes)];
  entry.delete("notes");
  if (!entry.has("progress")) entry.items.push(doc.createPair("progress", "none"));
  if (mode === "comment") {
    const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === "progress") as Pair<Scalar> | undefined;
    const lines = texts.flatMap((t) =>
      t
        .replace(/\n$/, "")
        .split("\n")
        .map((l, i) => (l === "" ? "" : ` ${i === 0 ? "- " : "  "}${l}`)),
    );
    if (pair?.key) pair.key.commentBefore = [" last week:", ...lines].join("\n");
  }
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

/** A date at the start of a line (ISO, "Nov 23", "23 Nov", "11/23"), then a range's dash or word. */
const RANGE = new RegExp(
  [
    String.raw`^\s*(?:\d{4}-\d{2}-\d{2}|[A-Za-z]{3}[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3}[a-z]*|\d{1,2}\/\d{1,2})`,
    String.raw`\s*(?:-|–|—|\.\.|to|until)\s*(.*)$`,
  ].join(""),
  "i",
);

/** The last day of an event: "Nov 23: ...", or the end of "Dec 24-Jan 4", "Nov 23-25", "2022-11-23..2022-11-25". */
export function eventEnd(text: string, around: string): string | undefined {
  const first = leadingDate(text, around);
  if (!first) return undefined;
  const range = RANGE.exec(text);
  if (!range) return first;
  const rest = range[1]!;
  const dayOnly = /^(\d{1,2})\b(?![\/-]|\s+[A-Za-z]{3})/.exec(rest);
  const last = dayOnly ? `${first.slice(0, 8)}${dayOnly[1]!.padStart(2, "0")}` : leadingDate(rest, first);
  return last && last >= first ? last : first;
}

/**
 * "2022-11-23 ...", "Nov 23: ...", "23 Nov ...", "11/23 ..." → YYYY-MM-DD, in the year that puts it
 * nearest `around`.
 */
export function leadingDate(text: string, around: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return iso[1];
  let month: number | undefined;
  let day: number | undefined;
  const md = /^\s*([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b/.exec(text);
  const dm = /^\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\b/.exec(text);
  const slash = /^\s*(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (md && MONTHS.includes(md[1]!.toLowerCase()))
    [month, day] = [MONTHS.indexOf(md[1]!.toLowerCase()) + 1, Number(md[2])];
  else if (dm && MONTHS.includes(dm[2]!.toLowerCase()))
    [month, day] = [MONTHS.indexOf(dm[2]!.toLowerCase()) + 1, Number(dm[1])];
  else if (slash) [month, day] = [Number(slash[1]), Number(slash[2])];
  if (!month || !day || month > 12 || day > 31) return undefined;
  const year = Number(around.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map(
    (y) => `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(around));
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
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
