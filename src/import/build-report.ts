// One email → one Report: the body parsed into its parts, the week-ending date from the Subject
// (else from the Date header's week), the mail fields that differ from weekly.config.yaml, and
// the header block as written. A jipdate status file goes to its own reader.
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import type { ReportInput } from "../report/write.js";
import type { ParsedBody } from "./body.js";
import { finish, type ImportedReport, nameOf, type Skipped, weekOf } from "./imported.js";
import { headerOf, mailFieldsOf } from "./header-block.js";
import { isJipdate, jipdateReport } from "./jipdate.js";
import { scrubbedNoteAt } from "./list-archive.js";
import { keysIn } from "./lines.js";
import { parseBody } from "./parse-body.js";
import type { Email } from "./read-emails.js";

export type { ImportedReport, Skipped };

export function buildReport(email: Email, config: Config): ImportedReport | Skipped {
  if (isJipdate(email.body)) return jipdateReport(email, config);
  const notices: Diagnostic[] = [...(email.notices ?? [])];
  const body = withoutArchiveNote(email, notices);
  const { bodyLine, lineNumbers } = email;
  const lineOf = lineNumbers
    ? (i: number) => lineNumbers[i] ?? email.line
    : bodyLine === undefined
      ? () => email.line
      : (i: number) => bodyLine + i;
  const names = senderNames(email.headers.from?.[0]);
  const parsed = parseBody(body, lineOf, { decoded: email.decoded, names });
  notices.push(...parsed.notices);
  if (!holdsReport(parsed.body) && !(REPORT_SUBJECT.test(email.headers.subject ?? "") && body.some((l) => l.trim()))) {
    const why =
      "no section title (underlined with === or ---, == X ==, ## X), no === trailer ===, " +
      "and a Subject that does not say weekly, status or week ending";
    const message = `skipped ${nameOf(email)}: not a weekly report (${why})`;
    return { skipped: { severity: "info", file: email.file, line: email.line, message } };
  }
  namedKeys(parsed.body, notices, email.line);
  const weekEnding = weekOf(email, config, notices);
  const mail = mailFieldsOf(email, config, weekEnding, notices);
  const header = headerOf(email, mail, config, weekEnding);
  const style = email.crlf ? { style: { ...parsed.body.style, newline: "crlf" as const } } : {};
  const report: ReportInput = {
    week_ending: weekEnding,
    ...mail,
    ...(header ? { header } : {}),
    ...parsed.body,
    ...style,
  };
  return finish(email, weekEnding, report, notices, expectedOf(email, body, lineOf));
}

/** A Subject that says the email is a weekly report, though its body has no titles a report has. */
const REPORT_SUBJECT = /\b(?:weekly|week(?:ly)? ending|w\/e|status|report|update|ww ?\d{1,2}|week \d{1,2})\b/i;

/** Keys that are in text only (no entry of theirs): weekly push and weekly team see no ticket there. */
function namedKeys(body: ParsedBody, notices: Diagnostic[], line: number): void {
  const entries = new Set<string>();
  const texts = [body.intro];
  for (const s of body.sections) {
    for (const e of s.entries ?? []) {
      for (const key of e.tickets ?? (e.ticket ? [e.ticket] : [])) entries.add(key);
      if (!e.ticket && !e.tickets && !e.label) texts.push(e.text);
    }
  }
  const keys = [...new Set(texts.flatMap((t) => keysIn(t ?? "")))].filter((k) => !entries.has(k));
  if (keys.length === 0) return;
  const shown = keys.length > 6 ? `${keys.slice(0, 6).join(", ")} and ${keys.length - 6} more` : keys.join(", ");
  const message =
    `${shown} ${keys.length === 1 ? "is" : "are"} in the text only, not under a [KEY] heading: ` +
    "kept as written; weekly push and weekly team see no entry for them";
  notices.push({ severity: "info", line, message });
}

const holdsReport = (b: ParsedBody) =>
  b.sections.length > 0 || Boolean(b.trailers?.length || b.patches || b.issues || b.events);

/** "Jane Doe <jane@x>" → ["Jane Doe"]; a bare address → its local part's words ("jane.doe" → "jane doe"). */
function senderNames(from: string | undefined): string[] {
  if (!from) return [];
  const name = /^"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  return name ? [name] : [from.replace(/@.*$/, "").replace(/[._]/g, " ")];
}

/** The body without a list archive's note of a scrubbed attachment, named where it stood. */
function withoutArchiveNote(email: Email, notices: Diagnostic[]): string[] {
  const note = scrubbedNoteAt(email.body);
  if (!note) return email.body;
  const line = email.bodyLine === undefined ? email.line : email.bodyLine + note.start;
  const message = `left out ${note.lines} lines the list archive added ("-- next part --", a scrubbed attachment)`;
  notices.push({ severity: "info", line, message });
  let end = note.start;
  while (end > 0 && email.body[end - 1]!.trim() === "") end--;
  return email.body.slice(0, end);
}

/** What the report must print back: the header block (when it was plain text), a blank line, the body. */
function expectedOf(email: Email, body: string[], lineOf: (i: number) => number): ImportedReport["expected"] {
  const head = email.headerLines;
  const crlf = email.crlf === true;
  if (head === undefined || head.length === 0) return { lines: body, lineOf, header: false, crlf };
  const start = email.line;
  const lines = [...head, "", ...body];
  return { lines, header: true, crlf, lineOf: (i) => (i <= head.length ? start + i : lineOf(i - head.length - 1)) };
}
