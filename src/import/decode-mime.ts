// A real MIME message (quoted-printable or base64 bodies, RFC 2047 names, other charsets,
// multipart) → an Email, decoded by mailparser's simpleParser rather than by hand.
import type { AddressObject, EmailAddress, ParsedMail } from "mailparser";
import { UserError } from "../core/errors.js";
import { decodeWords } from "./list-archive.js";
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
  const fields = fieldsOf(mail);
  return { file, line, headers: headersOf(fields), body, headerNames: [...fields.keys()], decoded: decodingOf(mail) };
}

/** How the text part was encoded, as a notice names it: "quoted-printable, ISO-8859-1". */
function decodingOf(mail: ParsedMail): string {
  const part = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]*:\s*/, "") ?? "";
  const cte = part("content-transfer-encoding").toLowerCase();
  const charset = /charset="?([^";\s]+)/i.exec(part("content-type"))?.[1];
  const multipart = /^multipart\//i.test(part("content-type")) ? "the text/plain part of a multipart message" : "";
  return [multipart, ["7bit", "8bit", "binary", ""].includes(cte) ? "" : cte, charset ?? ""].filter(Boolean).join(", ");
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
  for (const [name, value] of addresses) {
    // An archive's `user at host (Name)` is no address to mailparser: read from the raw line.
    const raw = mail.headerLines
      .find((h) => h.key === name)
      ?.line.replace(/^[^:]*:\s*/, "")
      .replace(/\r?\n[ \t]+/g, " ");
    if (raw !== undefined && / at [A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/.test(raw)) fields.set(name, decodeWords(raw));
    else if (value !== undefined) fields.set(name, addressesOf(value).join(", "));
  }
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
