// Read a user's text file defensively: missing, directory, huge, binary and non-UTF-8 files
// become one-line UserErrors; a BOM is dropped and CRLF/CR line ends become LF.
import { readFileSync, statSync } from "node:fs";
import { UserError } from "../errors.js";

export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export function readTextFile(file: string, what = "file", maxBytes = MAX_TEXT_BYTES): string {
  return readTextWithFormat(file, what, maxBytes).text;
}

/** The text, and the line ends and BOM it had, from one read (for edits that write it back). */
export function readTextWithFormat(file: string, what = "file", maxBytes = MAX_TEXT_BYTES): { text: string; format: TextFormat } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${file}: is a directory; expected a ${what}`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${file}: ${describeFsError(e)}`);
  }
  if (size > maxBytes) {
    throw new UserError(`${file}: is ${mib(size)}; a ${what} is at most ${mib(maxBytes)} (is this the right file?)`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new UserError(`${file}: ${describeFsError(e)}`);
  }
  return { text: decodeText(buf, file, what), format: formatOf(buf) };
}

export interface TextFormat {
  crlf: boolean;
  bom: boolean;
}

const formatOf = (raw: Buffer): TextFormat => ({ crlf: raw.includes("\r\n"), bom: raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf });

export function decodeText(buf: Uint8Array, file: string, what = "file"): string {
  const nul = buf.indexOf(0);
  if (nul !== -1) throw new UserError(`${file}: is binary (a NUL byte at offset ${nul}); expected a ${what} in UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new UserError(`${file}: is not UTF-8 text; expected a ${what} saved as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, "\n");
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
    default:
      return (e as Error)?.message ?? String(e);
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Text with LF line ends back into a file's own format. */
export function inFormat(text: string, format: TextFormat): string {
  return `${format.bom ? "\ufeff" : ""}${format.crlf ? text.replace(/\n/g, "\r\n") : text}`;
}
