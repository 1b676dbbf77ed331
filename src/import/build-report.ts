// One email → one Report: the body parsed into sections and trailers, the week-ending date from
// the Subject (else from the Date header's week), and only those headers that differ from what
// weekly.config.yaml would print anyway.
import { type Config, subjectFor } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { Address, IsoDate } from "../core/schemas.js";
import { Report } from "../report/schema.js";
import { weekReportedOn } from "../report/week.js";
import type { ReportInput } from "../report/write.js";
import type { MailHeaders } from "./mail-headers.js";
import { parseBody } from "./parse-body.js";
import type { Email } from "./read-emails.js";

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
  /** What the import changed or could not place, at lines of source.file. */
  notices: Diagnostic[];
}

/** An email that is no weekly report (a reply, a lunch invitation): skipped, not a failure. */
export interface Skipped {
  skipped: Diagnostic;
}

type ListField = "to" | "cc" | "bcc" | "reply_to";
const LIST_FIELDS: readonly ListField[] = ["to", "cc", "bcc", "reply_to"];

export function buildReport(email: Email, config: Config): ImportedReport | Skipped {
  const { bodyLine } = email;
  const lineOf = bodyLine === undefined ? () => email.line : (i: number) => bodyLine + i;
  const { body, notices } = parseBody(email.body, lineOf, config.summary_width);
  if (body.sections.length === 0) {
    const message = `skipped ${nameOf(email)}: not a weekly report (no section title underlined with === or ---)`;
    return { skipped: { severity: "info", file: email.file, line: email.line, message } };
  }
  const weekEnding = weekEndingOf(email, config);
  noteHeaderBlock(email, notices);
  const mail = mailFieldsOf(email, config, weekEnding, notices);
  const report: ReportInput = { week_ending: weekEnding, ...mail, ...body };
  const checked = Report.safeParse(report);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const message = `${nameOf(email)} gives an invalid report at ${issue.path.join(".")}: ${issue.message}`;
    throw new UserError({ severity: "error", file: email.file, line: email.line, message });
  }
  notices.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { source: { file: email.file, line: email.line, name: nameOf(email) }, weekEnding, report, notices };
}

const PRINTED_HEADERS = ["from", "to", "cc", "bcc", "subject", "reply-to"];
const PRINTED = "From, To, Cc, Bcc, Subject, Reply-To";
const TITLE: Record<string, string> = {
  from: "From",
  to: "To",
  cc: "Cc",
  bcc: "Bcc",
  subject: "Subject",
  "reply-to": "Reply-To",
};

/** The text report prints six header lines; say where a plain email's block differs. */
function noteHeaderBlock(email: Email, notices: Diagnostic[]): void {
  const names = email.headerNames;
  if (!names || names.join() === PRINTED_HEADERS.join()) return;
  const dropped = names.filter((n) => !PRINTED_HEADERS.includes(n));
  const added = PRINTED_HEADERS.filter((n) => !names.includes(n)).map((n) => TITLE[n]);
  const parts = [
    dropped.length ? `drops ${dropped.join(", ")}` : "",
    added.length ? `adds ${added.join(", ")}` : "",
    !dropped.length && !added.length ? "puts them in order" : "",
  ];
  notices.push({
    severity: "info",
    line: email.line,
    message: `normalized: the header block prints ${PRINTED} (${parts.filter(Boolean).join("; ")})`,
  });
}

function nameOf(email: Email): string {
  return email.headers.subject
    ? `the email ${JSON.stringify(email.headers.subject)}`
    : `the email at line ${email.line}`;
}

/** "Week ending YYYY-MM-DD" in the Subject; else the configured week-ending day of the Date header's week. */
function weekEndingOf(email: Email, config: Config): string {
  const inSubject = /week ending (\d{4}-\d{2}-\d{2})/i.exec(email.headers.subject ?? "")?.[1];
  if (inSubject && IsoDate.safeParse(inSubject).success) return inSubject;
  const date = email.headers.date;
  if (date && IsoDate.safeParse(date).success) return weekReportedOn(date, config.week_ends_on);
  const why = 'its Subject has no "Week ending YYYY-MM-DD" and it has no Date header; add one of them';
  const message = `${nameOf(email)} names no week: ${why}`;
  throw new UserError({ severity: "error", file: email.file, line: email.line, message });
}

/** From/To/Cc/Bcc/Reply-To/Subject where they differ from what the config makes the report print. */
function mailFieldsOf(email: Email, config: Config, weekEnding: string, notices: Diagnostic[]): Partial<ReportInput> {
  const h: MailHeaders = email.headers;
  const out: Partial<ReportInput> = {};
  const say = (message: string) => notices.push({ severity: "info", line: email.line, message });
  const from = h.from?.[0];
  if (from !== undefined && from !== config.from) {
    if (Address.safeParse(from).success) out.from = from;
    else
      say(
        `From: ${JSON.stringify(from)} is not an address like "Jane Doe <jane@example.com>"; ` +
          "the report prints weekly.config.yaml's from",
      );
  }
  if (h.from?.length === 0 && config.from)
    say(`From: is empty, but the report prints weekly.config.yaml's from (${config.from})`);
  if ((h.from?.length ?? 0) > 1) say(`From: names ${h.from!.length} senders; the report keeps the first, ${from}`);
  for (const field of LIST_FIELDS) {
    const list = h[field] ?? [];
    const bad = list.find((a) => !Address.safeParse(a).success);
    if (bad !== undefined)
      say(
        `${field}: ${JSON.stringify(bad)} is not an address; the report prints weekly.config.yaml's ${field} instead`,
      );
    else if (list.join(", ") !== (config[field] ?? []).join(", ")) out[field] = list.length === 1 ? list[0]! : list;
  }
  const subject = subjectFor(config.subject, weekEnding);
  if (h.subject !== undefined && h.subject !== subject) out.subject = h.subject;
  return out;
}
