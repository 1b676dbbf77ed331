// THE definition of a weekly report file. Types are inferred from here; `weekly schema`
// prints the JSON Schema generated from it; every other stage trusts what it produces.
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

export const Entry = z
  .strictObject({
    ticket: JiraKey.optional().describe("Jira issue key, e.g. STR-68"),
    label: z.string().min(1).optional().describe("A label for work without a ticket, e.g. MISC"),
    summary: z.string().optional().describe("Title shown after the key; Jira's summary is used when absent"),
    notes: textList(
      "What happened: each item is one bullet, kept verbatim (indentation, tables, blank lines)",
    ).optional(),
    todo: textList("TODO lines printed after the notes").optional(),
    progress: Progress.optional(),
  })
  .refine((e) => e.ticket !== undefined || e.label !== undefined, {
    message: "an entry needs a ticket (like STR-68) or a label (like MISC)",
  })
  .refine((e) => !(e.ticket !== undefined && e.label !== undefined), {
    message: "an entry has either a ticket or a label, not both",
  });

/** Footnotes: `1: https://...` or `2: [url, url]`, used as [1], [2] in the text. */
export const References = z.record(
  z.string().regex(/^[1-9][0-9]*$/, { message: "footnote numbers are whole numbers from 1" }),
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (typeof v === "string" ? [v] : v)),
);

export const Section = z.strictObject({
  title: z.string().min(1).describe("Project or area, underlined with ==="),
  comment: z.string().optional().describe("Printed under the title as '# ' lines"),
  progress: Progress.optional().describe("A section-wide 'No progress' line under the title"),
  entries: z.array(Entry).default([]),
  references: References.optional().describe("Footnotes printed at the end of this section"),
});

export const ExtraTrailer = z.strictObject({
  title: z.string().min(1),
  text: z.string().default(""),
});

/** How this author lays out the text, where it differs from the seed's style. */
export const Style = z.strictObject({
  bullet: z.enum(["*", "-"]).default("*").describe("The bullet of a note"),
  underline: z.enum(["=", "-"]).default("=").describe("The character under a section title"),
  footnote_indent: z.number().int().min(0).max(8).default(0).describe("Spaces before a footnote's [n]"),
});

export const Report = z.strictObject({
  week_ending: IsoDate.optional().describe(
    "The week's last working day; optional when the file is named YYYY-MM-DD.yaml",
  ),
  ...mailFields,
  style: Style.optional(),
  intro: z.string().optional().describe("Text printed before the first section, verbatim"),
  sections: z.array(Section).describe("One per project"),
  references: References.optional().describe("Footnotes printed after the last section"),
  patches: textList("=== Patch status === lines").optional(),
  issues: textList("=== Issues === bullets").optional(),
  events: textList("=== Travel&Holiday&Event === lines").optional(),
  trailers: z.array(ExtraTrailer).optional().describe("Further === Title === sections, printed last, text verbatim"),
  closing: z.string().optional().describe("Text printed at the very end (a signature), verbatim"),
});

export type Report = z.output<typeof Report>;
export type Section = z.output<typeof Section>;
export type Entry = z.output<typeof Entry>;
export type ProgressState = z.output<typeof Progress>;

/** The JSON Schema for editors (yaml-language-server). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Report, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    title: "weekly-report: one week's status report",
  };
}
