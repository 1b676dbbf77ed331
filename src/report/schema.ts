// THE definition of a weekly report file. Types are inferred from here; `weekly schema` prints
// the JSON Schema generated from it; every other stage trusts what it produces. Structure where
// it helps (tickets, notes, footnotes, trailers), and verbatim text wherever an author's layout
// is their own: a `heading:` or `text:` is printed exactly as written.
import * as z from "zod";
import { mailFields } from "../config/schema.js";
import { IsoDate, JiraKey } from "../core/schemas.js";

/** A string or a list of strings, read as a list: `notes: "one line"` is as good as `notes: [..]`. */
const textList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (typeof v === "string" ? [v] : v))
    .describe(what);

export const Progress = z
  .enum(["none", "no-update"])
  .describe('"none" prints "No progress"; "no-update" prints "No update"');

/** The header lines a plain-text report can print, made from the mail fields. */
export const HEADER_NAMES = ["From", "To", "Cc", "Bcc", "Subject", "Reply-To"] as const;
export type HeaderName = (typeof HEADER_NAMES)[number];

const verbatim = (what: string) => z.string().optional().describe(`${what}, printed exactly as written`);

/** Jira's "1h 30m", "4h", "2d", "1.5h": kept as written; weekly push turns it into seconds. */
const TIME_SPENT = /^\s*(?:\d+(?:\.\d+)?\s*[wdhm]\s*)+$/i;

export const Entry = z
  .strictObject({
    ticket: JiraKey.optional().describe("Jira issue key, e.g. STR-68"),
    tickets: z.array(JiraKey).min(2).optional().describe("An entry about several tickets: [ARM64-12, ARM64-15]"),
    label: z.string().min(1).optional().describe("A label for work without a ticket, e.g. MISC"),
    summary: z.string().optional().describe("Title shown after the key; Jira's summary is used when absent"),
    heading: verbatim("The entry's heading line(s), in place of [KEY] (summary)"),
    notes: textList(
      "What happened: each item is one bullet, kept verbatim (indentation, tables, blank lines)",
    ).optional(),
    todo: textList("TODO lines printed after the notes").optional(),
    progress: Progress.optional(),
    text: verbatim("The entry's text under its heading, in place of bullets; on its own: a paragraph of the section"),
    set_status: z.string().min(1).optional().describe("weekly push: move the ticket to this status (e.g. In Review)"),
    resolution: z.string().min(1).optional().describe("weekly push: the resolution that goes with set_status"),
    time_spent: z
      .string()
      .regex(TIME_SPENT, { message: 'expected a time like "4h", "1h 30m" or "2d"' })
      .optional()
      .describe("weekly push: a worklog for the week, e.g. 1h 30m"),
  })
  .superRefine((e, ctx) => {
    const ids = [e.ticket, e.tickets, e.label].filter((v) => v !== undefined).length;
    if (ids > 1) ctx.addIssue({ code: "custom", message: "an entry has one of ticket, tickets or label, not several" });
    const other = Object.entries(e).some(([k, v]) => v !== undefined && k !== "text");
    if (ids === 0 && (e.text === undefined || other)) {
      ctx.addIssue({
        code: "custom",
        message: "an entry needs a ticket (like STR-68) or a label (like MISC); without one it holds only text:",
      });
    }
  });

/** Footnotes: `1: https://...` or `a: [url, url]`, cited as [1], [a] in the text. */
export const References = z.record(
  z.string().regex(/^(?:[1-9][0-9]*|[a-z])$/, { message: "footnotes are numbered from 1, or lettered a to z" }),
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (typeof v === "string" ? [v] : v)),
);

const Indent = z
  .union([z.number().int().min(0).max(16), z.string().regex(/^[ \t]*$/)])
  .describe("Before a footnote's [n]: a number of spaces, or the blanks themselves (a tab)");

export const Section = z.strictObject({
  title: z.string().optional().describe("Project or area, underlined with ===; a section may have none"),
  heading: verbatim("The title line(s), in place of the title and its underline"),
  comment: z.string().optional().describe("Printed under the title as '# ' lines"),
  progress: Progress.optional().describe("A section-wide 'No progress' line under the title"),
  entries: z.array(Entry).default([]),
  references: References.optional().describe("Footnotes printed at the end of this section"),
  footnote_indent: Indent.optional(),
  tight: z.boolean().optional().describe("No blank line between this section's entries"),
});

export const ExtraTrailer = z.strictObject({
  title: z.string().min(1),
  heading: verbatim("The title line, in place of === Title ==="),
  text: z.string().default(""),
});

/** How this author lays out the text, where it differs from the seed's style. */
export const Style = z.strictObject({
  bullet: z
    .string()
    .regex(/^[*\-+o•]$/)
    .default("*")
    .describe("The bullet of a note: * - + o"),
  underline: z.enum(["=", "-"]).default("=").describe("The character under a section title"),
  footnote_indent: Indent.default(0),
  references: z
    .enum(["after-sections", "at-end"])
    .default("after-sections")
    .describe("Where the report's own footnotes go"),
  newline: z.enum(["lf", "crlf"]).default("lf").describe("Line ends of the rendered text"),
  tight: z.boolean().default(false).describe("No blank line between an entry's bullets"),
});

export const Report = z.strictObject({
  week_ending: IsoDate.optional().describe(
    "The week's last working day; optional when the file is named YYYY-MM-DD.yaml",
  ),
  ...mailFields,
  header: z
    .union([z.array(z.enum(HEADER_NAMES)), z.string()])
    .optional()
    .describe(
      "The header block of the plain-text email: the lines to print, made from the fields (e.g. [From, To, Subject])," +
        " or the lines themselves, printed as written; default: the six of From, To, Cc, Bcc, Subject, Reply-To",
    ),
  style: Style.optional(),
  greeting: verbatim("The first line(s) of the email, e.g. 'Hi all,'"),
  quote: verbatim("Lines quoted from last week's thread ('> ...'), before the sections"),
  intro: verbatim("Text before the first section"),
  sections: z.array(Section).describe("One per project"),
  references: References.optional().describe("Footnotes printed after the last section"),
  patches: textList("=== Patch status === lines").optional(),
  issues: textList("=== Issues === bullets").optional(),
  events: textList("=== Travel&Holiday&Event === lines").optional(),
  trailers: z.array(ExtraTrailer).optional().describe("Further === Title === sections, printed last, text verbatim"),
  closing: verbatim("Text after the trailers"),
  sign_off: verbatim("The sign-off, e.g. 'Thanks,' and a name"),
  signature: verbatim("The signature block, from its '-- ' line"),
  after: verbatim("After everything: the mail a reply quotes ('-----Original Message-----', 'On ... wrote:')"),
});

export type Report = z.output<typeof Report>;
export type Section = z.output<typeof Section>;
export type Entry = z.output<typeof Entry>;
export type ProgressState = z.output<typeof Progress>;

/** The JSON Schema for editors (yaml-language-server). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Report, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, title: "weekly-report: one week's status report" };
}
