// weekly.config.yaml: who sends the report, to whom, and how it looks.
import * as z from "zod";
import { Address, AddressList, Weekday } from "../core/schemas.js";

export const DEFAULT_SUBJECT = "[Weekly] Week ending {week_ending}";
const PLACEHOLDERS = ["{week_ending}"];

/** A subject line with its placeholders filled in. */
export const subjectFor = (template: string | undefined, weekEnding: string) =>
  (template ?? DEFAULT_SUBJECT).replaceAll("{week_ending}", weekEnding);

/** Headers of the email; in weekly.config.yaml, and overridable per report file. */
export const mailFields = {
  from: Address.optional().describe("Sender, e.g. 'Jane Doe <jane@example.com>'"),
  to: AddressList.optional().describe("Recipients"),
  cc: AddressList.optional(),
  bcc: AddressList.optional().describe("Blind copies: never written into the message headers of --format eml"),
  reply_to: AddressList.optional(),
  subject: z
    .string()
    .superRefine((text, ctx) => {
      for (const m of text.matchAll(/\{+[^{}]*\}+/g)) {
        if (!PLACEHOLDERS.includes(m[0])) {
          const known = PLACEHOLDERS.join(", ");
          ctx.addIssue({ code: "custom", message: `unknown placeholder "${m[0]}" in the subject; it knows ${known}` });
        }
      }
    })
    .optional()
    .describe("Subject line; {week_ending} is replaced by the week-ending date"),
};

export const JiraConfig = z.strictObject({
  url: z.string().url().optional().describe("Your Jira site, e.g. https://example.atlassian.net (or JIRA_URL)"),
  deployment: z
    .enum(["auto", "cloud", "datacenter"])
    .default("auto")
    .describe("Jira Cloud or Data Center/Server; auto: *.atlassian.net is Cloud, else ask /serverInfo"),
  timeout_seconds: z.number().positive().max(600).default(15).describe("Give up on one Jira request after this long"),
  cache_minutes: z
    .number()
    .min(0)
    .default(10)
    .describe("Facts fetched less than this long ago are used without asking Jira again"),
  cache_dir: z
    .string()
    .optional()
    .describe("Where fetched ticket facts are kept (default: $XDG_CACHE_HOME/weekly-report)"),
  push_no_progress: z
    .boolean()
    .default(false)
    .describe('weekly push: also comment "No progress" on tickets without notes this week'),
  comment_template: z
    .string()
    .optional()
    .describe("weekly push: your own Handlebars template for the comment, relative to this file"),
  hours_per_day: z.number().positive().max(24).default(8).describe("weekly push: what time_spent's 1d is"),
  days_per_week: z.number().positive().max(7).default(5).describe("weekly push: what time_spent's 1w is"),
});
export type JiraConfig = z.output<typeof JiraConfig>;

export const SmtpConfig = z.strictObject({
  host: z.string().min(1).describe("SMTP server, e.g. smtp.example.com"),
  port: z.number().int().min(1).max(65535).optional().describe("Default: 465 for tls, 587 for starttls, 25 for none"),
  security: z
    .enum(["starttls", "tls", "none"])
    .default("starttls")
    .describe(
      "starttls: upgrade a plain connection (required); tls: TLS from the start; " +
        "none: no encryption (local relays only)",
    ),
  user: z.string().optional().describe("Login; the password comes from WEEKLY_SMTP_PASSWORD, never from a file"),
  tls_verify: z.boolean().default(true).describe("Check the server's certificate"),
  timeout_seconds: z.number().positive().max(600).default(30),
});
export type SmtpConfig = z.output<typeof SmtpConfig>;

export const Config = z.strictObject({
  ...mailFields,
  week_ends_on: Weekday.default("friday").describe("The weekday a report's week ends on"),
  timezone: z
    .string()
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: "expected an IANA time zone like Europe/Berlin" },
    )
    .optional()
    .describe("Time zone that decides which day it is (weekly new, weekly add); default: the system's"),
  carry_notes: z
    .enum(["clear", "comment"])
    .default("clear")
    .describe("weekly new: last week's notes are dropped (clear) or kept as YAML comments (comment)"),
  reports_dir: z.string().default("reports").describe("Folder of the report files, relative to this file"),
  summary_width: z
    .number()
    .int()
    .min(20)
    .default(80)
    .describe("A ticket's heading line is cut with ' ...' to at most this many characters"),
  show_status: z.boolean().default(false).describe("Print each ticket's Jira status on its heading line"),
  template: z.string().optional().describe("Your own Handlebars template for the text report, relative to this file"),
  jira: JiraConfig.default({
    deployment: "auto",
    timeout_seconds: 15,
    cache_minutes: 10,
    push_no_progress: false,
    hours_per_day: 8,
    days_per_week: 5,
  }),
  smtp: SmtpConfig.optional().describe("For weekly send"),
});

export type Config = z.output<typeof Config>;

/** The JSON Schema for editors (yaml-language-server). */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(Config, { io: "input" }), title: "weekly-report: weekly.config.yaml" };
}
