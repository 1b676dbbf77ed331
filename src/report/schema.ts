// THE definition of a weekly report file. Types are inferred from here; `weekly schema` prints
// the JSON Schema generated from it; every other stage trusts what it produces. Structure where
// it helps (tickets, notes, footnotes, trailers), and verbatim text wherever an author's layout
// is their own: a `heading:` or `text:` is printed exactly as written.
import * as z from "zod/mini";
import { mailFields } from "../config/schema.js";
import { described, IsoDate, JiraKey, optional, withDefault } from "../core/schemas.js";

// Schemas are immutable: one instance serves every field of its kind (fewer to build at start-up),
// and each field's own description sits on its own optional() wrapper.
const text = z.string();
const nonEmptyText = z.string().check(z.minLength(1));

/** A string or a list of strings, read as a list: `notes: "one line"` is as good as `notes: [..]`. */
const TextList = z.pipe(
  z.union([text, z.array(text)]),
  z.transform((v) => (typeof v === "string" ? [v] : v)),
);
const textList = (what: string) => optional(TextList, what);

export const Progress = described(
  z.enum(["none", "no-update"]),
  '"none" prints "No progress"; "no-update" prints "No update"',
);

/** The header lines a plain-text report can print, made from the mail fields. */
export const HEADER_NAMES = ["From", "To", "Cc", "Bcc", "Subject", "Reply-To"] as const;
export type HeaderName = (typeof HEADER_NAMES)[number];

const verbatim = (what: string) => optional(text, `${what}, printed exactly as written`);

/** Jira's "1h 30m", "4h", "2d", "1.5h": kept as written; weekly push turns it into seconds. */
const TIME_SPENT = /^\s*(?:\d+(?:\.\d+)?\s*[wdhm]\s*)+$/i;

export const Entry = z
  .strictObject({
    ticket: optional(JiraKey, "Jira issue key, e.g. STR-68"),
    tickets: optional(z.array(JiraKey).check(z.minLength(2)), "An entry about several tickets: [ARM64-12, ARM64-15]"),
    label: optional(nonEmptyText, "A label for work without a ticket, e.g. MISC"),
    summary: optional(text, "Title shown after the key; Jira's summary is used when absent"),
    heading: verbatim("The entry's heading line(s), in place of [KEY] (summary)"),
    notes: textList("What happened: each item is one bullet, kept verbatim (indentation, tables, blank lines)"),
    todo: textList("TODO lines printed after the notes"),
    progress: z.optional(Progress),
    text: verbatim("The entry's text under its heading, in place of bullets; on its own: a paragraph of the section"),
    set_status: optional(nonEmptyText, "weekly push: move the ticket to this status (e.g. In Review)"),
    resolution: optional(nonEmptyText, "weekly push: the resolution that goes with set_status"),
    time_spent: optional(
      z.string().check(z.regex(TIME_SPENT, { message: 'expected a time like "4h", "1h 30m" or "2d"' })),
      "weekly push: a worklog for the week, e.g. 1h 30m",
    ),
  })
  .check(
    z.superRefine((e, ctx) => {
      const ids = [e.ticket, e.tickets, e.label].filter((v) => v !== undefined).length;
      if (ids > 1)
        ctx.addIssue({ code: "custom", message: "an entry has one of ticket, tickets or label, not several" });
      const other = Object.entries(e).some(([k, v]) => v !== undefined && k !== "text");
      if (ids === 0 && (e.text === undefined || other)) {
        ctx.addIssue({
          code: "custom",
          message: "an entry needs a ticket (like STR-68) or a label (like MISC); without one it holds only text:",
        });
      }
    }),
  );

/** Footnotes: `1: https://...` or `a: [url, url]`, cited as [1], [a] in the text. */
export const References = z.record(
  z
    .string()
    .check(z.regex(/^(?:[1-9][0-9]*|[a-z])$/, { message: "footnotes are numbered from 1, or lettered a to z" })),
  z.pipe(
    z.union([nonEmptyText, z.array(nonEmptyText).check(z.minLength(1))]),
    z.transform((v) => (typeof v === "string" ? [v] : v)),
  ),
);

const Indent = described(
  z.union([z.int().check(z.minimum(0), z.maximum(16)), z.string().check(z.regex(/^[ \t]*$/))]),
  "Before a footnote's [n]: a number of spaces, or the blanks themselves (a tab)",
);

export const Section = z.strictObject({
  title: optional(text, "Project or area, underlined with ===; a section may have none"),
  heading: verbatim("The title line(s), in place of the title and its underline"),
  comment: optional(text, "Printed under the title as '# ' lines"),
  progress: optional(Progress, "A section-wide 'No progress' line under the title"),
  entries: z._default(z.array(Entry), []),
  references: optional(References, "Footnotes printed at the end of this section"),
  footnote_indent: z.optional(Indent),
  tight: optional(z.boolean(), "No blank line between this section's entries"),
});

export const ExtraTrailer = z.strictObject({
  title: nonEmptyText,
  heading: verbatim("The title line, in place of === Title ==="),
  text: z._default(text, ""),
});

/** How this author lays out the text, where it differs from the seed's style. */
export const Style = z.strictObject({
  // A string, not a regex literal: the bundle keeps the pack's text ASCII (see scripts/bundle.js), and
  // the pattern as printed (errors, JSON Schema) keeps its "•".
  bullet: withDefault(z.string().check(z.regex(new RegExp("^[*\\-+o\u2022]$"))), "*", "The bullet of a note: * - + o"),
  underline: withDefault(z.enum(["=", "-"]), "=", "The character under a section title"),
  footnote_indent: z._default(Indent, 0),
  references: withDefault(
    z.enum(["after-sections", "at-end"]),
    "after-sections",
    "Where the report's own footnotes go",
  ),
  newline: withDefault(z.enum(["lf", "crlf"]), "lf", "Line ends of the rendered text"),
  tight: withDefault(z.boolean(), false, "No blank line between an entry's bullets"),
});

export const Report = z.strictObject({
  week_ending: optional(IsoDate, "The week's last working day; optional when the file is named YYYY-MM-DD.yaml"),
  ...mailFields,
  header: optional(
    z.union([z.array(z.enum(HEADER_NAMES)), text]),
    "The header block of the plain-text email: the lines to print, made from the fields (e.g. [From, To, Subject])," +
      " or the lines themselves, printed as written; default: the six of From, To, Cc, Bcc, Subject, Reply-To",
  ),
  style: z.optional(Style),
  greeting: verbatim("The first line(s) of the email, e.g. 'Hi all,'"),
  quote: verbatim("Lines quoted from last week's thread ('> ...'), before the sections"),
  intro: verbatim("Text before the first section"),
  sections: described(z.array(Section), "One per project"),
  references: optional(References, "Footnotes printed after the last section"),
  patches: textList("=== Patch status === lines"),
  issues: textList("=== Issues === bullets"),
  events: textList("=== Travel&Holiday&Event === lines"),
  trailers: optional(z.array(ExtraTrailer), "Further === Title === sections, printed last, text verbatim"),
  closing: verbatim("Text after the trailers"),
  sign_off: verbatim("The sign-off, e.g. 'Thanks,' and a name"),
  signature: verbatim("The signature block, from its '-- ' line"),
  after: verbatim("After everything: the mail a reply quotes ('-----Original Message-----', 'On ... wrote:')"),
});

export type Report = z.output<typeof Report>;
export type Section = z.output<typeof Section>;
export type Entry = z.output<typeof Entry>;
export type ProgressState = z.output<typeof Progress>;
