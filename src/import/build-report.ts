// One email → one Report: the body parsed into sections and trailers, the week-ending date from
// the Subject (else from the Date header's week), and only those headers that differ from what
// weekly.config.yaml would print anyway.
import { DEFAULT_SUBJECT, WEEKDAYS, type Config } from "../config/schema.js";
import { UserError } from "../errors.js";
import { Address, IsoDate, Report } from "../report/schema.js";
import { addDays, weekdayOf } from "../report/week.js";
import type { ReportInput } from "../report/write.js";
import type { MailHeaders } from "./mail-headers.js";
import { parseBody } from "./parse-body.js";
import type { Notice } from "./parse-context.js";
import type { Email } from "./read-emails.js";

/** An email that is no weekly report (a reply, a lunch invitation): skipped, not a failure. */
export class NotAReport extends UserError {
  override name = "NotAReport";
}

/** Where an email came from, kept after its body is gone. */
export interface EmailSource {
  file: string;
  line: number;
  /** How messages name it: `the email "Subject"`. */
  name: string;
}

export interface ImportedReport {
  source: EmailSource;
  weekEnding: string;
  report: ReportInput;
  /** Diagnostics, at lines of source.file. */
  notices: Notice[];
}

type ListField = "to" | "cc" | "bcc" | "reply_to";
const LIST_FIELDS: readonly ListField[] = ["to", "cc", "bcc", "reply_to"];

export function buildReport(email: Email, config: Config): ImportedReport {
  const { bodyLine } = email;
  const lineOf = bodyLine === undefined ? () => email.line : (i: number) => bodyLine + i;
  const { body, notices } = parseBody(email.body, lineOf, config.summary_width);
  if (body.sections.length === 0) {
    throw new NotAReport(`${email.file}:${email.line}: skipped ${nameOf(email)}: not a weekly report (no section title underlined with === or ---)`);
  }
  const weekEnding = weekEndingOf(email, config);
  noteHeaderBlock(email, notices);
  const mail = mailFieldsOf(email, config, weekEnding, notices);
  const report: ReportInput = { week_ending: weekEnding, ...mail, ...body };
  const checked = Report.safeParse(report);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UserError(`${email.file}:${email.line}: ${nameOf(email)} gives an invalid report at ${issue.path.join(".")}: ${issue.message}`);
  }
  notices.sort((a, b) => a.line - b.line);
  return { source: { file: email.file, line: email.line, name: nameOf(email) }, weekEnding, report, notices };
}

const PRINTED_HEADERS = ["from", "to", "cc", "bcc", "subject", "reply-to"];
const TITLE: Record<string, string> = { from: "From", to: "To", cc: "Cc", bcc: "Bcc", subject: "Subject", "reply-to": "Reply-To" };

/** The text report prints six header lines; say where a plain email's block differs. */
function noteHeaderBlock(email: Email, notices: Notice[]): void {
  const names = email.headerNames;
  if (!names || names.join() === PRINTED_HEADERS.join()) return;
  const dropped = names.filter((n) => !PRINTED_HEADERS.includes(n));
  const added = PRINTED_HEADERS.filter((n) => !names.includes(n)).map((n) => TITLE[n]);
  const parts = [dropped.length ? `drops ${dropped.join(", ")}` : "", added.length ? `adds ${added.join(", ")}` : "", !dropped.length && !added.length ? "puts them in order" : ""];
  notices.push({ line: email.line, message: `normalized: the header block prints From, To, Cc, Bcc, Subject, Reply-To (${parts.filter(Boolean).join("; ")})` });
}

function nameOf(email: Email): string {
  return email.headers.subject ? `the email ${JSON.stringify(email.headers.subject)}` : `the email at line ${email.line}`;
}

/** "Week ending YYYY-MM-DD" in the Subject; else the configured week-ending day of the Date header's week. */
function weekEndingOf(email: Email, config: Config): string {
  const inSubject = /week ending (\d{4}-\d{2}-\d{2})/i.exec(email.headers.subject ?? "")?.[1];
  if (inSubject && IsoDate.safeParse(inSubject).success) return inSubject;
  const date = email.headers.date;
  if (date && IsoDate.safeParse(date).success) return weekEndOf(date, config.week_ends_on);
  throw new UserError(
    `${email.file}:${email.line}: ${nameOf(email)} names no week: its Subject has no "Week ending YYYY-MM-DD" and it has no Date header; add one of them`,
  );
}

/** The week-ending day of the week a date is in; a date just after it (the weekend) belongs to the week before. */
export function weekEndOf(date: string, endsOn: Config["week_ends_on"]): string {
  const ahead = (WEEKDAYS.indexOf(endsOn) - WEEKDAYS.indexOf(weekdayOf(date)) + 7) % 7;
  return ahead >= 5 ? addDays(date, ahead - 7) : addDays(date, ahead);
}

/** From/To/Cc/Bcc/Reply-To/Subject where they differ from what the config makes the report print. */
function mailFieldsOf(email: Email, config: Config, weekEnding: string, notices: Notice[]): Partial<ReportInput> {
  const h: MailHeaders = email.headers;
  const out: Partial<ReportInput> = {};
  const say = (message: string) => notices.push({ line: email.line, message });
  const from = h.from?.[0];
  if (from !== undefined && from !== config.from) {
    if (Address.safeParse(from).success) out.from = from;
    else say(`From: ${JSON.stringify(from)} is not an address like "Jane Doe <jane@example.com>"; the report prints weekly.config.yaml's from`);
  }
  if (h.from?.length === 0 && config.from) say(`From: is empty, but the report prints weekly.config.yaml's from (${config.from})`);
  if ((h.from?.length ?? 0) > 1) say(`From: names ${h.from!.length} senders; the report keeps the first, ${from}`);
  for (const field of LIST_FIELDS) {
    const list = h[field] ?? [];
    const bad = list.find((a) => !Address.safeParse(a).success);
    if (bad !== undefined) say(`${field}: ${JSON.stringify(bad)} is not an address; the report prints weekly.config.yaml's ${field} instead`);
    else if (list.join(", ") !== (config[field] ?? []).join(", ")) out[field] = list.length === 1 ? list[0]! : list;
  }
  const subject = (config.subject ?? DEFAULT_SUBJECT).replaceAll("{week_ending}", weekEnding);
  if (h.subject !== undefined && h.subject !== subject) out.subject = h.subject;
  return out;
}
