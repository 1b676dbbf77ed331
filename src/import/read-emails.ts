// An input (a file, or stdin for "-") → the emails in it: one plain email, several one after
// another (split at each `From:` header block), or an mbox (split at its `From ` lines). Plain
// messages are read as they stand, so each body line keeps its input line number; real MIME
// messages are decoded by decodeMime.
import type { Diagnostic } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { mapLimit } from "../core/parallel.js";
import { isUtf8 } from "node:buffer";
import { decodeText, readCapped } from "../io/read-text.js";
import { decodeMime } from "./decode-mime.js";
import { headersOf, isHeaderLine, needsMime, readHeaderBlock, type MailHeaders } from "./mail-headers.js";
import { simpleMime } from "./simple-mime.js";
import { isMbox, splitMbox } from "./split-mbox.js";

export interface Email {
  /** The input as named in messages. */
  file: string;
  /** Input line (1-based) where the email starts. */
  line: number;
  headers: MailHeaders;
  body: string[];
  /** Input line of body[0] when body lines are input lines; undefined for a decoded MIME body. */
  bodyLine?: number;
  /** Input line of each body line, where decoding joined lines (quoted-printable soft breaks). */
  lineNumbers?: number[];
  /** The header names, lower case, in order: all of a plain-text email's; the printed ones of a MIME message. */
  headerNames?: string[];
  /** A plain-text email's header lines as written (folded lines as they were); undefined when decoded. */
  headerLines?: string[];
  /** What decoding the message did to its text ("quoted-printable", "base64", a charset), for notices. */
  decoded?: string;
  /** Whether its lines end in CRLF (then so do the rendered report's). */
  crlf?: boolean;
  /** What reading the bytes changed (a byte-order mark, mixed line ends), at input lines. */
  notices?: Diagnostic[];
}

export const STDIN_NAME = "<stdin>";
/** Headers a mail system adds: a block with one is a message's own, not lines the author pasted. */
const TRANSPORT = new RegExp(
  "^(?:received|message-id|mime-version|content-.*|dkim-.*|arc-.*|delivered-to|return-path|x-.*|in-reply-to|" +
    "references|authentication-results|thread-.*|list-.*|precedence|errors-to|sender|envelope-to)$",
);
const MAX_INPUT_BYTES = 512 * 1024 * 1024;
const WHAT = "file of weekly report emails (plain text or mbox)";
/** Messages decoded at once: mailparser streams, so a few in flight keep the CPU busy. */
const IN_FLIGHT = 16;

/** The bytes of an input file, or of stdin for "-"; one-line UserErrors for what is not readable. */
export async function readInput(file: string, path: string, stdin: AsyncIterable<Uint8Array>): Promise<Buffer> {
  if (file !== "-") return readCapped(path, WHAT, MAX_INPUT_BYTES, file);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.byteLength;
    if (total > MAX_INPUT_BYTES)
      throw new UserError({
        severity: "error",
        file: STDIN_NAME,
        message: `is more than 512 MiB; split it and import the parts`,
      });
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * The emails in an input, each handed to `take` as soon as it is read (so that its body can be
 * dropped before the next ones are decoded), or the UserError that says why a message could not
 * be decoded; resolves to what `take` made of each, in input order.
 */
export async function readEmails<T>(
  buf: Buffer,
  file: string,
  take: (email: Email | UserError) => T | Promise<T>,
  progress?: (done: number, total: number) => void,
): Promise<T[]> {
  if (isBlankBytes(buf)) {
    throw new UserError({ severity: "error", file, message: `is empty; expected a ${WHAT}` });
  }
  if (isMbox(buf)) {
    const nul = buf.indexOf(0);
    if (nul !== -1)
      throw new UserError({
        severity: "error",
        file,
        message: `is binary (a NUL byte at offset ${nul}); expected a ${WHAT}`,
      });
    const messages = splitMbox(buf);
    let done = 0;
    return mapLimit(messages, IN_FLIGHT, async (m) => {
      const made = await take(crlfOf(await readMessage(m.data, file, m.line).catch(userError), endsInCrlf(m.data)));
      progress?.(++done, messages.length);
      return made;
    });
  }
  // A saved message in another charset (ISO-8859-1, windows-1252) is one MIME message.
  if (!isUtf8(buf) && declaresCharset(buf))
    return [await take(crlfOf(await readMessage(buf, file, 0).catch(userError), endsInCrlf(buf)))];
  const lines = decodeText(buf, file, WHAT).split("\n");
  const crlf = endsInCrlf(buf);
  if (lines.at(-1) === "") lines.pop();
  const spans = splitPlain(lines);
  const said = byteNotices(buf, crlf);
  let done = 0;
  return mapLimit(spans, IN_FLIGHT, async ([start, end]) => {
    const email = crlfOf(await plainEmail(lines, start, end, file).catch(userError), crlf);
    if (!(email instanceof UserError)) email.notices = said.filter((d) => d.line! > start && d.line! <= end);
    const made = await take(email);
    progress?.(++done, spans.length);
    return made;
  });
}

/** What the text of a report cannot keep: a byte-order mark, line ends unlike the rest, no final line end. */
function byteNotices(buf: Buffer, crlf: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const say = (line: number, message: string) => out.push({ severity: "info", line, message });
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    say(1, "left out: the byte-order mark the file starts with");
  let line = 1;
  const odd: number[] = [];
  for (let at = buf.indexOf(0x0a); at !== -1; at = buf.indexOf(0x0a, at + 1), line++) {
    if ((buf[at - 1] === 0x0d) !== crlf) odd.push(line);
  }
  if (odd.length) {
    const ends = crlf ? "LF" : "CRLF";
    const lines = odd.length === 1 ? "this line ends" : `${odd.length} lines end (this is the first)`;
    say(
      odd[0]!,
      `normalized: ${lines} in ${ends}, the others in ${crlf ? "CRLF" : "LF"}; ` +
        `the report prints ${crlf ? "CRLF" : "LF"}`,
    );
  }
  if (buf.length > 0 && buf[buf.length - 1] !== 0x0a)
    say(line, "normalized: the last line has no line end; the report prints one");
  return out;
}

/** One mbox message: as it stands when it is plain UTF-8 text; a simple MIME one by hand; else through mailparser. */
async function readMessage(data: Buffer, file: string, line: number): Promise<Email> {
  const lf = data.indexOf("\n\n");
  // A CRLF blank line that comes first starts before lf + 3: the body need not be searched.
  const crlf = (lf === -1 ? data : data.subarray(0, lf + 3)).indexOf("\r\n\r\n");
  const ends = [lf, crlf].filter((k) => k !== -1);
  const headEnd = ends.length ? Math.min(...ends) : data.length;
  const headBytes = data.subarray(0, headEnd);
  // Raw 8-bit header bytes are UTF-8 in practice; Latin-1 where they are not.
  const head = headBytes
    .toString(isUtf8(headBytes) ? "utf8" : "latin1")
    .replace(/\r/g, "")
    .split("\n");
  const { fields } = readHeaderBlock(head, 0);
  if (needsMime(fields)) {
    const start = headEnd + (data[headEnd] === 0x0d ? 4 : 2);
    const raw = data.toString("latin1", Math.min(start, data.length));
    const body = (raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw).split("\n");
    const at = { file, line: line + 1, bodyLine: line + 1 + head.length + 1 };
    return simpleMime(fields, body, at) ?? decodeMime(data, file, line + 1);
  }
  let text: string;
  try {
    text = decodeText(data, file);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return decodeMime(data, file, line + 1); // not UTF-8: mailparser knows the other charsets
  }
  const lines = text.split("\n");
  return plainEmail(lines, 0, lines.length, file, line + 1);
}

/**
 * [start, end) of each email: a new one at each header block (at the top, or after a blank line)
 * that has a `From:` line and another header: a saved message may start with `Received:`.
 */
function splitPlain(lines: readonly string[]): [number, number][] {
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith("From:") || !(isHeaderLine(lines[i + 1]) || isHeaderLine(lines[i - 1]))) return;
    let start = i;
    while (start > 0 && (isHeaderLine(lines[start - 1]) || /^[ \t]+\S/.test(lines[start - 1]!))) start--;
    if (start > 0 && lines[start - 1]!.trim() !== "") return; // header-like lines inside a paragraph
    if (starts.at(-1) !== start && startsEmail(lines, start)) starts.push(start);
  });
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first !== -1 && (starts.length === 0 || first < starts[0]!)) starts.unshift(first);
  return starts.map((s, k) => [s, starts[k + 1] ?? lines.length]);
}

/** A line just before a header block that makes it part of the email it stands in (a forward, a quote). */
const QUOTE_MARK = /^(?:begin forwarded message:|-{2,} ?(?:original|forwarded) message ?-{2,}|>.*)$/i;

/**
 * Whether the header block at lines[start] begins an email of its own: a From: with an address
 * and a Subject:, not after a "Begin forwarded message:" or "-----Original Message-----" line,
 * and not an Outlook quote of the mail replied to (which says "Sent:").
 */
function startsEmail(lines: readonly string[], start: number): boolean {
  const { fields } = readHeaderBlock(lines, start);
  if (!/@|<[^>]*>/.test(fields.get("from") ?? "") || !fields.has("subject") || fields.has("sent")) return false;
  let k = start - 1;
  while (k >= 0 && lines[k]!.trim() === "") k--;
  return k < 0 || !QUOTE_MARK.test(lines[k]!.trim());
}

/** lines[start, end) as an email; `offset` is the input line of lines[0]. */
async function plainEmail(
  lines: readonly string[],
  start: number,
  end: number,
  file: string,
  offset = 1,
): Promise<Email> {
  const block = isHeaderLine(lines[start])
    ? readHeaderBlock(lines, start)
    : { fields: new Map<string, string>(), next: start, separated: false };
  if (block.next > end) block.next = end;
  if (needsMime(block.fields)) {
    // A UTF-8 file: its lines are text already; as bytes again for the decoders.
    const body = lines.slice(block.next, end).map((l) => Buffer.from(l, "utf8").toString("latin1"));
    const at = { file, line: offset + start, bodyLine: offset + block.next };
    return (
      simpleMime(block.fields, body, at) ??
      decodeMime(Buffer.from(lines.slice(start, end).join("\n")), file, offset + start)
    );
  }
  let last = end;
  while (last > block.next && lines[last - 1]!.trim() === "") last--;
  const headerEnd = block.separated ? block.next - 1 : block.next;
  // A header block the author typed into the report (From:, To:, Subject:, ...) is kept as written;
  // a message's own (Received:, Message-ID:, Content-Type:, ...) is not part of the report's text.
  const typed = ![...block.fields.keys()].some((n) => TRANSPORT.test(n));
  return {
    file,
    line: offset + start,
    headers: headersOf(block.fields),
    body: lines.slice(block.next, last),
    bodyLine: offset + block.next,
    headerNames: [...block.fields.keys()],
    ...(typed ? { headerLines: lines.slice(start, headerEnd) } : {}),
  };
}

function crlfOf(email: Email | UserError, crlf: boolean): Email | UserError {
  if (crlf && !(email instanceof UserError)) email.crlf = true;
  return email;
}

/** Whether most lines of `bytes` end in CRLF. */
function endsInCrlf(bytes: Buffer): boolean {
  if (bytes.indexOf(0x0d) === -1) return false;
  let lf = 0;
  let crlf = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
    lf++;
    if (bytes[at - 1] === 0x0d) crlf++;
  }
  return crlf > 0 && crlf * 2 >= lf;
}

/** A UserError as a value; anything else is a bug and goes on up. */
function userError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  throw e;
}

/** Whether the header block at the top of `buf` names a MIME charset or transfer encoding. */
function declaresCharset(buf: Buffer): boolean {
  const end = [buf.indexOf("\n\n"), buf.indexOf("\r\n\r\n")].filter((k) => k !== -1);
  const head = buf.toString("latin1", 0, Math.min(buf.length, ...end, 256 * 1024));
  return /^content-type:[^\n]*charset=|^content-transfer-encoding:/im.test(head);
}

function isBlankBytes(buf: Buffer): boolean {
  for (const b of buf) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}
