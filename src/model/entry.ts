// An entry of the model: its heading lines (the file's own, or [KEY] (summary) with Jira's
// summary cut to fit), its paragraphs, or its own verbatim text.
import type { Config } from "../config/schema.js";
import { browseUrl, type JiraFacts, type JiraIssueFacts } from "../jira/types.js";
import { cutSummary, headingRoom } from "../report/cut-summary.js";
import type { Entry } from "../report/schema.js";
import type { BlockModel, EntryModel, JiraModel } from "./schema.js";

export interface EntryOptions {
  facts?: JiraFacts;
  /** The Jira site: every ticket links to its page, fetched or not. */
  site?: string;
  showStatus?: boolean;
}

export const PROGRESS_TEXT = { none: "No progress", "no-update": "No update" } as const;

/** A block scalar ends in one newline (`|`); that one is not part of the text. */
export const trimFinalNewline = (s: string) => (s.endsWith("\n") ? s.slice(0, -1) : s);
export const linesOf = (s: string | undefined) => (s === undefined ? [] : trimFinalNewline(s).split("\n"));

/** The keys an entry is about, in order. */
export const keysOf = (e: Entry): string[] => e.tickets ?? (e.ticket ? [e.ticket] : []);

export function buildEntry(e: Entry, config: Config, opts: EntryOptions): EntryModel {
  const keys = keysOf(e);
  const facts = keys[0] ? opts.facts?.get(keys[0]) : undefined;
  const summary = e.summary ?? facts?.summary ?? null;
  const source = e.summary !== undefined ? "file" : facts ? "jira" : null;
  const status = opts.showStatus && facts ? facts.status : null;
  const tail = status ? ` [${status}]` : "";
  const lead = keys.length ? `[${keys.join(", ")}]` : `(${e.label ?? ""})`;
  // Only Jira's summary is cut: a heading the author wrote prints as they wrote it.
  const short =
    summary === null
      ? null
      : source === "jira"
        ? cutSummary(summary, headingRoom(config.summary_width, lead, tail))
        : summary;
  const heading = e.heading !== undefined ? linesOf(e.heading) : [`${lead}${short === null ? "" : ` (${short})`}`];
  if (tail) heading[heading.length - 1] += tail;
  return {
    ticket: keys[0] ?? null,
    tickets: keys,
    label: e.label ?? null,
    summary,
    summary_short: short,
    summary_source: source,
    url: facts?.url ?? (keys[0] && opts.site ? browseUrl(opts.site, keys[0]) : null),
    status,
    heading_lines: heading,
    // With its own text, an entry's "no progress" is what the text says: not printed twice.
    blocks: e.text === undefined ? blocksOf(e) : blocksOf({ ...e, progress: undefined }),
    text: e.text === undefined ? null : trimFinalNewline(e.text),
    jira: facts ? toJiraModel(facts) : null,
  };
}

function blocksOf(e: Entry): BlockModel[] {
  const blocks: BlockModel[] = [
    ...(e.notes ?? []).map((n) => ({ note: trimFinalNewline(n), todo: null, progress: null })),
    ...(e.todo ?? []).map((t) => ({ note: null, todo: trimFinalNewline(t), progress: null })),
  ];
  if (e.progress) blocks.unshift({ note: null, todo: null, progress: PROGRESS_TEXT[e.progress] });
  return blocks;
}

function toJiraModel(f: JiraIssueFacts): JiraModel {
  const { fetchedAt: _, ...model } = f;
  return model;
}
