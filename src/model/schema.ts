// The plain object a template sees (`weekly render --context` prints it): the template contract.
// Every decision is already made here: what to show, in which order, cut to which width;
// templates only lay it out. The zod schema is the definition; the types are inferred from it,
// and --from-context parses its JSON with it.
import * as z from "zod";
import { JiraIssueFacts } from "../jira/fact-schema.js";
import { MODEL_FORMAT } from "./format.js";

export { MODEL_FORMAT };

export const MailModel = z.strictObject({
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  reply_to: z.array(z.string()),
});

/** One paragraph of an entry: exactly one of the three is set. */
export const BlockModel = z.strictObject({
  note: z.string().nullable(),
  todo: z.string().nullable(),
  progress: z.string().nullable(),
});

/** Jira's facts about a ticket, as templates see them (when they were fetched is not their business). */
export const JiraModel = JiraIssueFacts.omit({ fetchedAt: true }).strict();

export const FootnoteModel = z.strictObject({
  number: z.number(),
  marker: z.string(),
  urls: z.array(z.string()),
});

export const EntryModel = z.strictObject({
  ticket: z.string().nullable(),
  label: z.string().nullable(),
  /** The summary shown: the file's own, else Jira's; null when neither has one. */
  summary: z.string().nullable(),
  /** The summary cut with " ..." so that the heading line fits summary_width. */
  summary_short: z.string().nullable(),
  summary_source: z.enum(["file", "jira"]).nullable(),
  url: z.string().nullable(),
  /** Jira's status name, when show_status is on and Jira knows the ticket. */
  status: z.string().nullable(),
  blocks: z.array(BlockModel),
  jira: JiraModel.nullable(),
});

export const SectionModel = z.strictObject({
  title: z.string(),
  underline: z.string(),
  comment_lines: z.array(z.string()),
  /** "No progress" for a section-wide no-progress line, else null. */
  progress: z.string().nullable(),
  /** Whether anything (comment, progress) stands between the title and the first entry. */
  has_preamble: z.boolean(),
  entries: z.array(EntryModel),
  references: z.array(FootnoteModel),
});

export const TrailerModel = z.strictObject({
  title: z.string(),
  /** "indented" (patches), "bullets" (issues), "lines" (events), "verbatim" (other trailers). */
  style: z.enum(["indented", "bullets", "lines", "verbatim"]),
  items: z.array(z.string()),
});

export const ReportModel = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  week_ending: z.string(),
  subject: z.string(),
  mail: MailModel,
  /** The header lines of the plain-text email, in order. */
  headers: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  /** Layout choices: "* " or "- " before a note; spaces before a footnote's [n]. */
  bullet: z.string(),
  footnote_indent: z.string(),
  /** Text before the first section and after everything, verbatim (empty lists when none). */
  intro_lines: z.array(z.string()),
  closing_lines: z.array(z.string()),
  sections: z.array(SectionModel),
  /** Footnotes printed after the last section. */
  references: z.array(FootnoteModel),
  trailers: z.array(TrailerModel),
});

export type ReportModel = z.output<typeof ReportModel>;
export type MailModel = z.output<typeof MailModel>;
export type BlockModel = z.output<typeof BlockModel>;
export type JiraModel = z.output<typeof JiraModel>;
export type FootnoteModel = z.output<typeof FootnoteModel>;
export type EntryModel = z.output<typeof EntryModel>;
export type SectionModel = z.output<typeof SectionModel>;
export type TrailerModel = z.output<typeof TrailerModel>;
