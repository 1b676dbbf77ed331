// weekly.config.yaml: who sends the report, to whom, and how it looks.
import * as z from "zod";
import { mailFields } from "../report/schema.js";

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

export const Config = z.strictObject({
  ...mailFields,
  week_ends_on: z.enum(WEEKDAYS).default("friday").describe("The weekday a report's week ends on"),
  reports_dir: z.string().default("reports").describe("Folder of the report files, relative to this file"),
  summary_width: z
    .number()
    .int()
    .min(20)
    .default(80)
    .describe("A ticket's heading line is cut with ' ...' to at most this many characters"),
  show_status: z.boolean().default(false).describe("Print each ticket's Jira status on its heading line"),
  template: z.string().optional().describe("Your own Handlebars template for the text report, relative to this file"),
});

export type Config = z.output<typeof Config>;

export const DEFAULT_SUBJECT = "[Weekly] Week ending {week_ending}";
