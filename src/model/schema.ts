// The plain object a template sees (`weekly render --context` prints it). Every decision is
// already made here: what to show, in which order, cut to which width; templates only lay it out.

import type { JiraIssueFacts } from "../jira/types.js";

export const MODEL_FORMAT = "weekly-report/model@1";

export interface ReportModel {
  format: typeof MODEL_FORMAT;
  week_ending: string;
  subject: string;
  mail: MailModel;
  /** The header lines of the plain-text email, in order. */
  headers: { name: string; value: string }[];
  /** Layout choices: "* " or "- " before a note; spaces before a footnote's [n]. */
  bullet: string;
  footnote_indent: string;
  /** Text before the first section and after everything, verbatim (empty lists when none). */
  intro_lines: string[];
  closing_lines: string[];
  sections: SectionModel[];
  /** Footnotes printed after the last section. */
  references: FootnoteModel[];
  trailers: TrailerModel[];
}

export interface MailModel {
  from: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
}

export interface SectionModel {
  title: string;
  underline: string;
  comment_lines: string[];
  /** "No progress" for a section-wide no-progress line, else null. */
  progress: string | null;
  /** Whether anything (comment, progress) stands between the title and the first entry. */
  has_preamble: boolean;
  entries: EntryModel[];
  references: FootnoteModel[];
}

export interface EntryModel {
  ticket: string | null;
  label: string | null;
  /** The summary shown: the file's own, else Jira's; null when neither has one. */
  summary: string | null;
  /** The summary cut with " ..." so that the heading line fits summary_width. */
  summary_short: string | null;
  summary_source: "file" | "jira" | null;
  url: string | null;
  /** Jira's status name, when show_status is on and Jira knows the ticket. */
  status: string | null;
  blocks: BlockModel[];
  jira: JiraModel | null;
}

/** One paragraph of an entry: exactly one of the three is set. */
export interface BlockModel {
  note: string | null;
  todo: string | null;
  progress: string | null;
}

/** Jira's facts about a ticket, as templates see them (when they were fetched is not their business). */
export type JiraModel = Omit<JiraIssueFacts, "fetchedAt">;

export interface FootnoteModel {
  number: number;
  marker: string;
  urls: string[];
}

export interface TrailerModel {
  title: string;
  /** "indented" (patches), "bullets" (issues), "lines" (events), "verbatim" (other trailers). */
  style: "indented" | "bullets" | "lines" | "verbatim";
  items: string[];
}
