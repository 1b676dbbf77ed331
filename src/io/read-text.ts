// Read a user's text file defensively: missing, directory, huge, binary and non-UTF-8 files
// become one-line UserErrors naming the place; a BOM is dropped and CRLF/CR line ends become LF.
// Every read is capped, whatever the file is (a device, a FIFO, stdin): no input can fill memory.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { UserError } from "../core/errors.js";

export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export interface TextFormat {
  crlf: boolean;
  bom: boolean;
}

export function readTextFile(file: string, what = "file", maxBytes = MAX_TEXT_BYTES): string {
  return readTextWithFormat(file, what, maxBytes).text;
}

/** The text, and the line ends and BOM it had, from one read (for edits that write it back). */
export function readTextWithFormat(
  file: string,
  what = "file",
  maxBytes = MAX_TEXT_BYTES,
): { text: string; format: TextFormat } {
  const buf = readCapped(file, what, maxBytes);
  return { text: decodeText(buf, file, what), format: formatOf(buf) };
}

/** At most `maxBytes` of a file of any kind; more is a UserError, not a bigger buffer. */
export function readCapped(path: string, what: string, maxBytes: number, file = path): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (e) {
    throw new UserError({ severity: "error", file, message: describeFsError(e) });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory())
      throw new UserError({ severity: "error", file, message: `is a directory; expected a ${what}` });
    if (st.isFile() && st.size > maxBytes) throw tooBig(file, what, maxBytes, st.size);
    return readAll(fd, file, what, maxBytes, st.isFile() ? st.size : 64 * 1024);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end; `expected` sizes the first read (a regular file's size: one read, one buffer). */
function readAll(fd: number, file: string, what: string, maxBytes: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(total === 0 ? expected + 1 : 1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw new UserError({ severity: "error", file, message: describeFsError(e) });
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw tooBig(file, what, maxBytes);
  }
  return Buffer.concat(chunks, total);
}

function tooBig(file: string, what: string, maxBytes: number, size?: number): UserError {
  const is = size === undefined ? `is more than ${mib(maxBytes)}` : `is ${sizeBeside(size, maxBytes)}`;
  const limit = size !== undefined && mib(size) === mib(maxBytes) ? `${maxBytes} bytes` : mib(maxBytes);
  return new UserError({
    severity: "error",
    file,
    message: `${is}; a ${what} is at most ${limit} (is this the right file?)`,
  });
}

export const formatOf = (raw: Buffer): TextFormat => ({
  crlf: raw.includes("\r\n"),
  bom: raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf,
});

/** UTF-8 bytes → text with LF line ends; a NUL or an invalid sequence is named at its line:col. */
export function decodeText(buf: Uint8Array, file: string, what = "file"): string {
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const { line, col } = placeOf(buf, nul);
    throw new UserError({
      severity: "error",
      file,
      line,
      col,
      message: `is binary (a NUL byte); expected a ${what} in UTF-8 text`,
    });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    const { line, col } = placeOf(buf, at);
    const message = `is not UTF-8 text here (byte 0x${(buf[at] ?? 0).toString(16)}); expected a ${what} saved as UTF-8`;
    throw new UserError({ severity: "error", file, line, col, message });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    const cp = len === 3 ? ((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) : 0;
    if (len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) return i;
    if (len === 4 && ((b === 0xf0 && buf[i + 1]! < 0x90) || (b === 0xf4 && buf[i + 1]! >= 0x90))) return i;
    i += len;
  }
  return buf.length;
}

/** 1-based line and column (in characters) of a byte offset. */
function placeOf(buf: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) [line, start] = [line + 1, i + 1];
  const before = new TextDecoder("utf-8").decode(buf.subarray(start, offset));
  return { line, col: [...before].length + 1 };
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a part of this path is not a folder";
    case "ENOSPC":
      return "no space left on the disk";
    case "EFBIG":
      return "the file would be larger than allowed (file size limit)";
    case "EDQUOT":
      return "the disk quota is full";
    case "EROFS":
      return "the file system is read-only";
    default:
      return e instanceof Error ? e.message.split("\n")[0]! : String(e);
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** A size beside a limit: in MiB, or in bytes where MiB would show the two the same. */
const sizeBeside = (n: number, limit: number) => (mib(n) === mib(limit) ? `${n} bytes` : mib(n));

/** Text with LF line ends back into a file's own format. */
export function inFormat(text: string, format: TextFormat): string {
  return `${format.bom ? "\ufeff" : ""}${format.crlf ? text.replace(/\n/g, "\r\n") : text}`;
}
