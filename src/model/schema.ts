// The plain object a template sees (`weekly render --context` prints it): the template contract.
// Every decision is already made here: what to show, in which order, cut to which width, which
// lines a heading is; templates only lay it out. The zod schema is the definition; the types are
// inferred from it, and --from-context parses its JSON with it.
import * as z from "zod/mini";
import { JiraIssueFacts } from "../jira/fact-schema.js";
import { MODEL_FORMAT } from "./format.js";

export { MODEL_FORMAT };

const lines = z.array(z.string());

export const MailModel = z.strictObject({
  from: z.nullable(z.string()),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  reply_to: z.array(z.string()),
});

/** One paragraph of an entry: exactly one of the three is set. */
export const BlockModel = z.strictObject({
  note: z.nullable(z.string()),
  todo: z.nullable(z.string()),
  progress: z.nullable(z.string()),
});

/** Jira's facts about a ticket, as templates see them (when they were fetched is not their business). */
export const JiraModel = z.strictObject(z.omit(JiraIssueFacts, { fetchedAt: true }).shape);

export const FootnoteModel = z.strictObject({
  number: z.union([z.number(), z.string()]),
  marker: z.string(),
  urls: z.array(z.string()),
});

export const EntryModel = z.strictObject({
  /** The ticket (the first one of an entry about several), or null for a label. */
  ticket: z.nullable(z.string()),
  tickets: z.array(z.string()),
  label: z.nullable(z.string()),
  /** The summary shown: the file's own, else Jira's; null when neither has one. */
  summary: z.nullable(z.string()),
  /** The summary as the heading shows it: Jira's cut with " ..." to fit summary_width, the file's whole. */
  summary_short: z.nullable(z.string()),
  summary_source: z.nullable(z.enum(["file", "jira"])),
  url: z.nullable(z.string()),
  /** Jira's status name, when show_status is on and Jira knows the ticket. */
  status: z.nullable(z.string()),
  /** The heading as it prints: the file's own lines, or [KEY] (summary) [Status]. */
  heading_lines: lines,
  blocks: z.array(BlockModel),
  /** The entry's own text in place of blocks (an author's layout), or null. */
  text: z.nullable(z.string()),
  jira: z.nullable(JiraModel),
});

/** One item of a section, in order: an entry, or a paragraph of the section's own text. */
export const ItemModel = z.strictObject({ entry: z.nullable(EntryModel), text: z.nullable(z.string()) });

export const SectionModel = z.strictObject({
  title: z.nullable(z.string()),
  underline: z.string(),
  /** The title as it prints: the file's own lines, or the title and its underline; none for an untitled section. */
  heading_lines: lines,
  comment_lines: lines,
  /** "No progress" for a section-wide no-progress line, else null. */
  progress: z.nullable(z.string()),
  /** Whether anything (comment, progress) stands between the title and the first item. */
  has_preamble: z.boolean(),
  /** The entries (ticket or label) alone; `items` has them in order with the section's text. */
  entries: z.array(EntryModel),
  items: z.array(ItemModel),
  references: z.array(FootnoteModel),
  footnote_indent: z.string(),
  /** Whether its items follow one another with no blank line between them. */
  tight: z.boolean(),
});

export const TrailerModel = z.strictObject({
  title: z.string(),
  heading: z.string(),
  /** Whether a blank line separates it from what is printed before it (not so at the top of the body). */
  gap: z.boolean(),
  /** "indented" (patches), "bullets" (issues), "lines" (events), "verbatim" (other trailers). */
  style: z.enum(["indented", "bullets", "lines", "verbatim"]),
  items: z.array(z.string()),
});

export const ReportModel = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  week_ending: z.string(),
  subject: z.string(),
  mail: MailModel,
  /** The composed header lines (empty when the report keeps its own); `header_lines` is what prints. */
  headers: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  header_lines: lines,
  /** Layout choices: "* " before a note; the blanks before a footnote's [n]. */
  bullet: z.string(),
  /** Whether an entry's bullets follow one another with no blank line between them. */
  tight: z.boolean(),
  footnote_indent: z.string(),
  /** Text before the first section and after everything, verbatim (empty lists when none). */
  greeting_lines: lines,
  quote_lines: lines,
  intro_lines: lines,
  sections: z.array(SectionModel),
  /** Footnotes printed after the last section, and those printed after the trailers. */
  references: z.array(FootnoteModel),
  end_references: z.array(FootnoteModel),
  trailers: z.array(TrailerModel),
  closing_lines: lines,
  sign_off_lines: lines,
  signature_lines: lines,
  /** The mail a reply quotes, after everything (empty when none). */
  after_lines: lines,
  /** For the parts after the sections: whether a blank line comes before each (not so at the top of the body). */
  gaps: z.strictObject({
    references: z.boolean(),
    end_references: z.boolean(),
    closing: z.boolean(),
    sign_off: z.boolean(),
    signature: z.boolean(),
    after: z.boolean(),
  }),
  /** The Jira site, for links (null when none is configured). */
  site: z.nullable(z.string()),
  /** "\n" or "\r\n": the rendered text's line ends. */
  newline: z.enum(["\n", "\r\n"]),
});

export type ReportModel = z.output<typeof ReportModel>;
export type MailModel = z.output<typeof MailModel>;
export type BlockModel = z.output<typeof BlockModel>;
export type JiraModel = z.output<typeof JiraModel>;
export type FootnoteModel = z.output<typeof FootnoteModel>;
export type EntryModel = z.output<typeof EntryModel>;
export type ItemModel = z.output<typeof ItemModel>;
export type SectionModel = z.output<typeof SectionModel>;
export type TrailerModel = z.output<typeof TrailerModel>;
