// weekly.config.yaml: who sends the report, to whom, and how it looks.
import * as z from "zod/mini";
import { Address, AddressList, described, optional, Weekday, withDefault } from "../core/schemas.js";

export const DEFAULT_SUBJECT = "[Weekly] Week ending {week_ending}";
const PLACEHOLDERS = ["{week_ending}"];

/** A subject line with its placeholders filled in. */
export const subjectFor = (template: string | undefined, weekEnding: string) =>
  (template ?? DEFAULT_SUBJECT).replaceAll("{week_ending}", weekEnding);

/** Headers of the email; in weekly.config.yaml, and overridable per report file. */
export const mailFields = {
  from: optional(Address, "Sender, e.g. 'Jane Doe <jane@example.com>'"),
  to: optional(AddressList, "Recipients"),
  cc: z.optional(AddressList),
  bcc: optional(AddressList, "Blind copies: never written into the message headers of --format eml"),
  reply_to: z.optional(AddressList),
  subject: optional(
    z.string().check(
      z.superRefine((text, ctx) => {
        for (const m of text.matchAll(/\{+[^{}]*\}+/g)) {
          if (!PLACEHOLDERS.includes(m[0])) {
            const known = PLACEHOLDERS.join(", ");
            ctx.addIssue({
              code: "custom",
              message: `unknown placeholder "${m[0]}" in the subject; it knows ${known}`,
            });
          }
        }
      }),
    ),
    "Subject line; {week_ending} is replaced by the week-ending date",
  ),
};

/** A number above 0, at most `max`. */
const positiveUpTo = (max: number) => z.number().check(z.positive(), z.maximum(max));

export const JiraConfig = z.strictObject({
  url: optional(z.url(), "Your Jira site, e.g. https://example.atlassian.net (or JIRA_URL)"),
  deployment: withDefault(
    z.enum(["auto", "cloud", "datacenter"]),
    "auto",
    "Jira Cloud or Data Center/Server; auto: *.atlassian.net is Cloud, else ask /serverInfo",
  ),
  timeout_seconds: withDefault(positiveUpTo(600), 15, "Give up on one Jira request after this long"),
  cache_minutes: withDefault(
    z.number().check(z.minimum(0)),
    10,
    "Facts fetched less than this long ago are used without asking Jira again",
  ),
  cache_dir: optional(z.string(), "Where fetched ticket facts are kept (default: $XDG_CACHE_HOME/weekly-report)"),
  push_no_progress: withDefault(
    z.boolean(),
    false,
    'weekly push: also comment "No progress" on tickets without notes this week',
  ),
  comment_template: optional(
    z.string(),
    "weekly push: your own Handlebars template for the comment, relative to this file",
  ),
  hours_per_day: withDefault(positiveUpTo(24), 8, "weekly push: what time_spent's 1d is"),
  days_per_week: withDefault(positiveUpTo(7), 5, "weekly push: what time_spent's 1w is"),
});
export type JiraConfig = z.output<typeof JiraConfig>;

export const SmtpConfig = z.strictObject({
  host: described(z.string().check(z.minLength(1)), "SMTP server, e.g. smtp.example.com"),
  port: optional(z.int().check(z.minimum(1), z.maximum(65535)), "Default: 465 for tls, 587 for starttls, 25 for none"),
  security: withDefault(
    z.enum(["starttls", "tls", "none"]),
    "starttls",
    "starttls: upgrade a plain connection (required); tls: TLS from the start; " +
      "none: no encryption (local relays only)",
  ),
  user: optional(z.string(), "Login; the password comes from WEEKLY_SMTP_PASSWORD, never from a file"),
  tls_verify: withDefault(z.boolean(), true, "Check the server's certificate"),
  timeout_seconds: z._default(positiveUpTo(600), 30),
});
export type SmtpConfig = z.output<typeof SmtpConfig>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const Config = z.strictObject({
  ...mailFields,
  week_ends_on: withDefault(Weekday, "friday", "The weekday a report's week ends on"),
  timezone: optional(
    z.string().check(z.refine(isTimeZone, { message: "expected an IANA time zone like Europe/Berlin" })),
    "Time zone that decides which day it is (weekly new, weekly add); default: the system's",
  ),
  carry_notes: withDefault(
    z.enum(["clear", "comment"]),
    "clear",
    "weekly new: last week's notes are dropped (clear) or kept as YAML comments (comment)",
  ),
  reports_dir: withDefault(z.string(), "reports", "Folder of the report files, relative to this file"),
  summary_width: withDefault(
    z.int().check(z.minimum(20)),
    80,
    "A ticket's heading line is cut with ' ...' to at most this many characters",
  ),
  show_status: withDefault(z.boolean(), false, "Print each ticket's Jira status on its heading line"),
  template: optional(z.string(), "Your own Handlebars template for the text report, relative to this file"),
  jira: z._default(JiraConfig, {
    deployment: "auto",
    timeout_seconds: 15,
    cache_minutes: 10,
    push_no_progress: false,
    hours_per_day: 8,
    days_per_week: 5,
  }),
  smtp: optional(SmtpConfig, "For weekly send"),
});

export type Config = z.output<typeof Config>;
