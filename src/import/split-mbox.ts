// An mbox file → its messages, each with the input line of its `From ` line. One pass over the
// bytes (no per-message copies of the rest of the file), so a large mbox costs linear time.

export interface MboxMessage {
  /** Input line (1-based) of the message's `From ` line. */
  line: number;
  /** The message (headers and body) without its `From ` line, `>From ` lines unescaped. */
  data: Buffer;
}

const NL = 0x0a;
const CR = 0x0d;

/** Whether the input starts like an mbox: a `From sender date` line, not a `From:` header. */
export function isMbox(buf: Buffer): boolean {
  return buf.subarray(0, 5).toString("latin1") === "From " && isPostmark(buf, 0);
}

export function splitMbox(buf: Buffer): MboxMessage[] {
  const starts = [0];
  for (let pos = buf.indexOf("\nFrom ", 0, "latin1"); pos !== -1; pos = buf.indexOf("\nFrom ", pos + 1, "latin1")) {
    const at = pos + 1;
    // mbox wants a blank line before each `From `; some writers leave it out (after a base64
    // body, say): then a full postmark followed by a header line still starts a message.
    if (isPostmark(buf, at) && (followsBlankLine(buf, pos) || (isFullPostmark(buf, at) && headerFollows(buf, at)))) {
      starts.push(at);
    }
  }
  const out: MboxMessage[] = [];
  let line = 1;
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? buf.length;
    const eol = buf.indexOf(NL, start);
    const body = eol === -1 || eol >= end ? buf.subarray(end, end) : buf.subarray(eol + 1, end);
    out.push({ line, data: unescapeFrom(body) });
    line += countLines(buf, start, end);
  });
  return out;
}

/** The `From ` line of a message: a sender and a date with a four-digit year. */
function isPostmark(buf: Buffer, at: number): boolean {
  const eol = buf.indexOf(NL, at);
  const line = buf.subarray(at, eol === -1 ? buf.length : eol).toString("latin1");
  return /^From \S+ .*\b\d{4}\b/.test(line);
}

/** `From sender Fri May 12 10:01:02 2023`: the asctime date mbox writers put there. */
const FULL_POSTMARK = new RegExp(
  String.raw`^From \S+(?: at \S+)? +[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d{2}:\d{2}:\d{2}` +
    String.raw`(?: [A-Z]{3,4}| [+-]\d{4})? \d{4}\r?$`,
);

function isFullPostmark(buf: Buffer, at: number): boolean {
  const eol = buf.indexOf(NL, at);
  const line = buf.subarray(at, eol === -1 ? buf.length : eol).toString("latin1");
  return FULL_POSTMARK.test(line);
}

/** Whether the line after the one at `at` is a header line (`Name: value`). */
function headerFollows(buf: Buffer, at: number): boolean {
  const eol = buf.indexOf(NL, at);
  if (eol === -1) return false;
  const next = buf.indexOf(NL, eol + 1);
  const line = buf.subarray(eol + 1, next === -1 ? buf.length : next).toString("latin1");
  return /^[A-Za-z][A-Za-z0-9-]*:/.test(line);
}

/** buf[nl] is the "\n" that ends a line; is the line before it blank? */
function followsBlankLine(buf: Buffer, nl: number): boolean {
  const before = buf[nl - 1] === CR ? nl - 2 : nl - 1;
  return before < 0 || buf[before] === NL;
}

function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let pos = buf.indexOf(NL, from); pos !== -1 && pos < to; pos = buf.indexOf(NL, pos + 1)) n++;
  return n;
}

/** Whether a line of `data` starts with ">": found by the ">" bytes (a byte search is the fast one). */
function startsLineWithGt(data: Buffer): boolean {
  for (let at = data.indexOf(0x3e); at !== -1; at = data.indexOf(0x3e, at + 1)) {
    if (at === 0 || data[at - 1] === NL) return true;
  }
  return false;
}

/** mboxrd/mboxo: a body line `>From ` (or `>>From `) was `From ` (or `>From `). Line count unchanged. */
function unescapeFrom(data: Buffer): Buffer {
  if (!startsLineWithGt(data)) return data;
  const text = data.toString("latin1").replace(/^>(>*From )/gm, "$1");
  return Buffer.from(text, "latin1");
}
