// An input (a file, or stdin for "-") → the emails in it: one plain email, several one after
// another (split at each `From:` header block), or an mbox (split at its `From ` lines). Plain
// messages are read as they stand, so each body line keeps its input line number; real MIME
// messages are decoded by decodeMime.
import { UserError } from "../core/errors.js";
import { decodeText, readCapped } from "../io/read-text.js";
import { decodeMime } from "./decode-mime.js";
import { headersOf, isHeaderLine, needsMime, readHeaderBlock, type MailHeaders } from "./mail-headers.js";
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
  /** The header names of a plain-text email, lower case, in order (undefined for MIME messages). */
  headerNames?: string[];
}

export const STDIN_NAME = "<stdin>";
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
export async function readEmails<T>(buf: Buffer, file: string, take: (email: Email | UserError) => T): Promise<T[]> {
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
    return mapLimit(splitMbox(buf), IN_FLIGHT, async (m) =>
      take(await readMessage(m.data, file, m.line).catch(userError)),
    );
  }
  const lines = decodeText(buf, file, WHAT).split("\n");
  if (lines.at(-1) === "") lines.pop();
  return mapLimit(splitPlain(lines), IN_FLIGHT, async ([start, end]) =>
    take(await plainEmail(lines, start, end, file).catch(userError)),
  );
}

/** One mbox message: as it stands when it is plain UTF-8 text, else through mailparser. */
async function readMessage(data: Buffer, file: string, line: number): Promise<Email> {
  const ends = [data.indexOf("\n\n"), data.indexOf("\r\n\r\n")].filter((k) => k !== -1);
  const head = data
    .toString("latin1", 0, ends.length ? Math.min(...ends) : data.length)
    .replace(/\r/g, "")
    .split("\n");
  const { fields } = readHeaderBlock(head, 0);
  if (needsMime(fields)) {
    const email = await decodeMime(data, file, line + 1);
    // A single text/plain part sent as is (7bit/8bit) decodes to its own lines: keep their numbers.
    const cte = (fields.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    const type = (fields.get("content-type") ?? "text/plain").toLowerCase();
    if (email.bodyLine === undefined && ["7bit", "8bit", "binary"].includes(cte) && type.startsWith("text/plain")) {
      email.bodyLine = line + 1 + head.length + 1;
    }
    return email;
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

/** [start, end) of each email: a new one at each `From:` line followed by more header lines. */
function splitPlain(lines: readonly string[]): [number, number][] {
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith("From:") && isHeaderLine(lines[i + 1])) starts.push(i);
  });
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first !== -1 && (starts.length === 0 || first < starts[0]!)) starts.unshift(first);
  return starts.map((s, k) => [s, starts[k + 1] ?? lines.length]);
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
    : { fields: new Map<string, string>(), next: start };
  if (block.next > end) block.next = end;
  if (needsMime(block.fields)) return decodeMime(Buffer.from(lines.slice(start, end).join("\n")), file, offset + start);
  let last = end;
  while (last > block.next && lines[last - 1]!.trim() === "") last--;
  return {
    file,
    line: offset + start,
    headers: headersOf(block.fields),
    body: lines.slice(block.next, last),
    bodyLine: offset + block.next,
    headerNames: [...block.fields.keys()],
  };
}

/** A UserError as a value; anything else is a bug and goes on up. */
function userError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  throw e;
}

function isBlankBytes(buf: Buffer): boolean {
  for (const b of buf) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** fn over items with at most `limit` promises pending; results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
