// --format eml: the rendered report as a complete RFC 5322 message, built by nodemailer's
// MailComposer (RFC 2047 for non-ASCII names, quoted-printable so long lines survive intact).
// Bcc is an envelope matter: it never appears in the message's headers. Lines end in CRLF.
import { mailDate } from "../core/dates.js";
import { UserError } from "../core/errors.js";
import { sha256Hex } from "../io/lazy-require.js";
import type { ReportModel } from "../model/schema.js";
import { renderModel, type TemplateChoice } from "./render.js";

export interface EmlOptions {
  date: Date;
  /** The Date header is written in this time zone (the system's when absent). */
  timeZone?: string;
}

/** The report as a message: in an email the headers are the message's own, so the body has none. */
export async function renderEmail(
  model: ReportModel,
  choice: TemplateChoice,
  date: Date,
  timeZone?: string,
): Promise<string> {
  // In an email the headers are the message's own, so the body has none; MailComposer makes the line ends.
  const body = await renderModel({ ...model, headers: [], header_lines: [], newline: "\n" }, choice);
  return composeEml(model, body, { date, timeZone });
}

export async function composeEml(
  model: Pick<ReportModel, "mail" | "subject">,
  body: string,
  opts: EmlOptions,
): Promise<string> {
  const { mail } = model;
  if (!mail.from)
    throw new UserError("an email needs a sender: set `from:` in weekly.config.yaml (or the report file)");
  if (mail.to.length + mail.cc.length + mail.bcc.length === 0) {
    throw new UserError("an email needs recipients: set `to:` in weekly.config.yaml (or the report file)");
  }
  const { default: MailComposer } = await import("nodemailer/lib/mail-composer/index.js");
  const message = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    replyTo: mail.reply_to.length ? mail.reply_to : undefined,
    subject: model.subject,
    date: mailDate(opts.date, opts.timeZone),
    messageId: messageId(mail.from, body, opts.date),
    text: body,
    headers: { "X-Mailer": "weekly-report" },
    // CRLF throughout, as RFC 5322 and SMTP have it: the file is the message that is sent.
    newline: "windows",
  }).compile();
  const raw = await message.build();
  return raw.toString("utf8");
}

/** Stable for the same report and time (so a rebuilt message is the same message), unique otherwise. */
function messageId(from: string, body: string, date: Date): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "weekly-report.invalid";
  const hash = sha256Hex(`${date.toISOString()}\n${body}`).slice(0, 24);
  return `<weekly.${hash}@${domain}>`;
}
