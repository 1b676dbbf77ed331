// What `weekly push` posts on a ticket, as the model templates/jira-comment.hbs sees: the week,
// the ticket, the entry as the email shows it, and the footnotes the entry cites (listed under
// it, so the comment stands on its own).
import type { Config } from "../config/schema.js";
import { FOOTNOTE_CITE } from "../core/text.js";
import type { Entry, Report, Section } from "../report/schema.js";
import { buildEntry, keysOf } from "./entry.js";
import type { EntryModel, FootnoteModel } from "./schema.js";

export const COMMENT_FORMAT = "weekly-report/jira-comment@1";

export interface CommentModel {
  format: typeof COMMENT_FORMAT;
  week_ending: string;
  /** The ticket the comment goes to; an entry about several tickets posts to each. */
  ticket: string;
  /** The entry's other tickets (the comment says it is about them too). */
  also: string[];
  entry: EntryModel;
  /** "* " or the author's bullet. */
  bullet: string;
  tight: boolean;
  references: FootnoteModel[];
}

/** One comment model per ticket of the entry. */
export function commentModels(
  entry: Entry,
  section: Section,
  report: Report,
  config: Config,
  weekEnding: string,
): CommentModel[] {
  const model = buildEntry(entry, config, {});
  const keys = keysOf(entry);
  const references = citedFootnotes(entry, [section.references, report.references]);
  return keys.map((ticket) => ({
    format: COMMENT_FORMAT,
    week_ending: weekEnding,
    ticket,
    also: keys.filter((k) => k !== ticket),
    entry: model,
    bullet: `${report.style?.bullet ?? "*"} `,
    tight: report.style?.tight ?? false,
    references,
  }));
}

/** The footnotes an entry cites, in order of first citation, from its section's and the report's. */
function citedFootnotes(entry: Entry, sources: (Record<string, string[]> | undefined)[]): FootnoteModel[] {
  const texts = [entry.heading, entry.text, ...(entry.notes ?? []), ...(entry.todo ?? [])];
  const cited: string[] = [];
  for (const text of texts) for (const m of (text ?? "").matchAll(FOOTNOTE_CITE)) cited.push(m[1]!);
  const out: FootnoteModel[] = [];
  for (const n of new Set(cited)) {
    const urls = sources.find((s) => s?.[n])?.[n];
    if (urls) out.push({ number: /^\d+$/.test(n) ? Number(n) : n, marker: `[${n}]`, urls });
  }
  return out;
}
