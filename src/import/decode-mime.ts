// A real MIME message (quoted-printable or base64 bodies, RFC 2047 names, other charsets,
// multipart) → an Email, decoded by mailparser's simpleParser rather than by hand.
import type { AddressObject, EmailAddress, ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import { UserError } from "../errors.js";
import type { Email } from "./read-emails.js";
import { localDateOf, type MailHeaders } from "./mail-headers.js";

const OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true } as const;

/** Decode one message; `file` and `line` (where it starts in the input) name it in errors. */
export async function decodeMime(data: Buffer, file: string, line: number): Promise<Email> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(data, OPTIONS);
  } catch (e) {
    throw new UserError(`${file}:${line}: cannot decode this message: ${(e as Error).message}`);
  }
  if (typeof mail.text !== "string") {
    throw new UserError(`${file}:${line}: the message ${JSON.stringify(mail.subject ?? "")} has no plain-text part; a weekly report is plain text`);
  }
  const body = (mail.text.includes("\r") ? mail.text.replace(/\r\n?/g, "\n") : mail.text).split("\n");
  while (body.length > 0 && body.at(-1)!.trim() === "") body.pop();
  return { file, line, headers: headersOf(mail), body };
}

function headersOf(mail: ParsedMail): MailHeaders {
  const out: MailHeaders = {};
  const fields = [
    ["from", mail.from],
    ["to", mail.to],
    ["cc", mail.cc],
    ["bcc", mail.bcc],
    ["reply_to", mail.replyTo],
  ] as const;
  for (const [field, value] of fields) if (value !== undefined) out[field] = addressesOf(value);
  if (mail.subject !== undefined) out.subject = mail.subject;
  const date = mail.headerLines.find((h) => h.key === "date")?.line.replace(/^date:\s*/i, "");
  const day = date === undefined ? undefined : localDateOf(date);
  if (day) out.date = day;
  return out;
}

/** Address objects → "Name <addr>" strings; a name with a comma or quote is quoted again. */
function addressesOf(value: AddressObject | AddressObject[]): string[] {
  const flat = (list: EmailAddress[]): EmailAddress[] => list.flatMap((a) => (a.group ? flat(a.group) : [a]));
  return flat([value].flat().flatMap((o) => o.value)).map(({ name, address }) => {
    if (!name) return address ?? "";
    const shown = /[",;<>@]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name;
    return `${shown} <${address ?? ""}>`;
  });
}
