// The header block of a plain-text email (`From: ...` lines, as the report prints them, or RFC
// 5322 with folded lines): the fields a report keeps, whether the message needs MIME decoding,
// and the sender's calendar date of a Date header.
import { MONTHS } from "../core/text.js";
import { readableAddress } from "./list-archive.js";

/** The headers a report keeps; an address field is undefined when absent, [] when present but empty. */
export interface MailHeaders {
  from?: string[];
  to?: string[];
  cc?: string[];
  bcc?: string[];
  reply_to?: string[];
  subject?: string;
  /** The Date header's calendar day where it was sent, YYYY-MM-DD. */
  date?: string;
}

export const ADDRESS_FIELDS = { from: "from", to: "to", cc: "cc", bcc: "bcc", "reply-to": "reply_to" } as const;

const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):[ \t]?(.*)$/;

export const isHeaderLine = (line: string | undefined) => line !== undefined && HEADER_LINE.test(line);

/** Header lines from lines[i] (folded lines joined) up to the blank line; `next` is the first body line. */
export function readHeaderBlock(
  lines: readonly string[],
  i: number,
): { fields: Map<string, string>; next: number; separated: boolean } {
  const fields = new Map<string, string>();
  let name: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const m = HEADER_LINE.exec(line);
    if (m) fields.set((name = m[1]!.toLowerCase()), m[2]!.trim());
    else if (name !== undefined && /^[ \t]+\S/.test(line)) fields.set(name, `${fields.get(name)} ${line.trim()}`);
    else break;
  }
  const separated = i < lines.length && lines[i]!.trim() === "";
  return { fields, next: separated ? i + 1 : i, separated };
}

/** Whether a message's headers ask for MIME decoding (encoded words, a transfer encoding, another charset). */
export function needsMime(fields: Map<string, string>): boolean {
  const cte = fields.get("content-transfer-encoding")?.toLowerCase();
  if (cte && !["7bit", "8bit", "binary"].includes(cte)) return true;
  const type = fields.get("content-type")?.toLowerCase();
  if (type && (!type.startsWith("text/plain") || /charset="?(?!utf-?8|us-ascii)/.test(type))) return true;
  return [...fields.values()].some((v) => /=\?[^?]+\?[bBqQ]\?/.test(v));
}

export function headersOf(fields: Map<string, string>): MailHeaders {
  const out: MailHeaders = {};
  for (const [header, field] of Object.entries(ADDRESS_FIELDS)) {
    const value = fields.get(header);
    if (value !== undefined) out[field] = splitAddresses(value).map(readableAddress);
  }
  const subject = fields.get("subject");
  if (subject !== undefined) out.subject = subject;
  // A pasted Outlook header says "Sent:" where others say "Date:".
  const date = fields.get("date") ?? fields.get("sent");
  const day = date === undefined ? undefined : localDateOf(date);
  if (day) out.date = day;
  return out;
}

/** "a@b, \"Doe, Jane\" <j@d>" → two addresses: commas inside quotes or <...> do not split. */
export function splitAddresses(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" && !quoted) angle = true;
    else if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((a) => a !== "");
}

/** "Fri, 11 Nov 2022 23:30:00 +0900" → "2022-11-11": the day as the sender saw it, not in UTC. */
export function localDateOf(value: string): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(value);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (m && month >= 0) return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}
