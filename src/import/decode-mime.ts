// A real MIME message (quoted-printable or base64 bodies, RFC 2047 names, other charsets,
// multipart) → an Email, decoded by mailparser's simpleParser rather than by hand.
import type { AddressObject, EmailAddress, ParsedMail } from "mailparser";
import { UserError } from "../core/errors.js";
import { headersOf } from "./mail-headers.js";
import type { Email } from "./read-emails.js";

const OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true } as const;

/** Decode one message; `file` and `line` (where it starts in the input) name it in errors. */
export async function decodeMime(data: Buffer, file: string, line: number): Promise<Email> {
  // mailparser is loaded on the first message that needs it: plain-text imports never do.
  const { simpleParser } = await import("mailparser");
  let mail: ParsedMail;
  try {
    mail = await simpleParser(data, OPTIONS);
  } catch (e) {
    throw new UserError({
      severity: "error",
      file,
      line,
      message: `cannot decode this message: ${(e as Error).message}`,
    });
  }
  if (typeof mail.text !== "string") {
    const subject = JSON.stringify(mail.subject ?? "");
    const message = `the message ${subject} has no plain-text part; a weekly report is plain text`;
    throw new UserError({ severity: "error", file, line, message });
  }
  const body = (mail.text.includes("\r") ? mail.text.replace(/\r\n?/g, "\n") : mail.text).split("\n");
  while (body.length > 0 && body.at(-1)!.trim() === "") body.pop();
  return { file, line, headers: headersOf(fieldsOf(mail)), body };
}

/** The decoded headers as one plain header block, read by the same headersOf as plain emails. */
function fieldsOf(mail: ParsedMail): Map<string, string> {
  const fields = new Map<string, string>();
  const addresses: [string, AddressObject | AddressObject[] | undefined][] = [
    ["from", mail.from],
    ["to", mail.to],
    ["cc", mail.cc],
    ["bcc", mail.bcc],
    ["reply-to", mail.replyTo],
  ];
  for (const [name, value] of addresses) if (value !== undefined) fields.set(name, addressesOf(value).join(", "));
  if (mail.subject !== undefined) fields.set("subject", mail.subject);
  const date = mail.headerLines.find((h) => h.key === "date")?.line.replace(/^date:\s*/i, "");
  if (date !== undefined) fields.set("date", date);
  return fields;
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
