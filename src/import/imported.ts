// What the import makes of one email: the report, where it came from, what it changed (notices),
// or why it was skipped; and the steps every kind of input shares (the week, the final check).
import { basename } from "node:path";
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { Report } from "../report/schema.js";
import type { ReportInput } from "../report/write.js";
import type { Email } from "./read-emails.js";
import { weekEndingOf } from "./week-of.js";

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
  /** The same report as the schema reads it (defaults filled in), for the round-trip check. */
  checked: Report;
  /** What the import changed or could not place, at lines of source.file. */
  notices: Diagnostic[];
  /** The sender's address, which sorts a list archive's reports by author. */
  sender?: string;
  /**
   * The text `weekly render` must print back: the header block as written (when the email had
   * one as plain text) and the body, with the input line of each; absent for a converted format.
   */
  expected?: { lines: string[]; lineOf: (i: number) => number; header: boolean; crlf: boolean };
}

/** An email that is no weekly report (a reply, a lunch invitation): skipped, not a failure. */
export interface Skipped {
  skipped: Diagnostic;
}

/** The report checked against the schema (a bug of the importer otherwise), notices in line order. */
export function finish(
  email: Email,
  weekEnding: string,
  report: ReportInput,
  notices: Diagnostic[],
  expected?: ImportedReport["expected"],
): ImportedReport {
  const checked = Report.safeParse(report);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const message = `${nameOf(email)} gives an invalid report at ${issue.path.join(".")}: ${issue.message}`;
    throw new UserError({ severity: "error", file: email.file, line: email.line, message });
  }
  notices.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const address = email.headers.from?.[0]?.match(/<([^>]+)>/)?.[1] ?? email.headers.from?.[0];
  return {
    source: { file: email.file, line: email.line, name: nameOf(email) },
    weekEnding,
    report,
    checked: checked.data,
    notices,
    ...(address ? { sender: address.toLowerCase() } : {}),
    ...(expected ? { expected } : {}),
  };
}

export function nameOf(email: Email): string {
  return email.headers.subject
    ? `the email ${JSON.stringify(email.headers.subject)}`
    : `the email at line ${email.line}`;
}

/** The week from the Subject (in its usual forms), else the Date header's week, said so. */
export function weekOf(email: Email, config: Config, notices: Diagnostic[]): string {
  const named = /(\d{4}-\d{2}-\d{2})/.exec(basename(email.file))?.[1];
  const week =
    weekEndingOf(email.headers.subject, email.headers.date, config.week_ends_on) ??
    (named ? weekEndingOf(named, undefined, config.week_ends_on) : undefined);
  if (!week) {
    const why =
      'its Subject names no week (like "Week ending YYYY-MM-DD"), and neither a Date header nor the file name ' +
      "gives a day; add one of them";
    const message = `${nameOf(email)} names no week: ${why}`;
    throw new UserError({ severity: "error", file: email.file, line: email.line, message });
  }
  if (week.from === "date") {
    const message = `the Subject names no week: the report is for the week ending ${week.date}, the Date header's week`;
    notices.push({ severity: "info", line: email.line, message });
  }
  return week.date;
}
