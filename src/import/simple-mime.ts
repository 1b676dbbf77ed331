// The common MIME message, decoded without mailparser: one text/plain part in UTF-8 (or ASCII),
// quoted-printable, base64, 7bit or 8bit, and RFC 2047 names in the headers. Most
// sent reports are this; mailparser (decode-mime.ts) takes every other shape. A quoted-printable
// body keeps the input line of each decoded line, so notices point into the file.
import type { Email } from "./read-emails.js";
import { decodeWords } from "./list-archive.js";
import { ADDRESS_FIELDS, headersOf, splitAddresses } from "./mail-headers.js";

/** Header block fields (lower-case names, folded lines joined) → an Email, or undefined for mailparser. */
export function simpleMime(
  fields: Map<string, string>,
  body: readonly string[],
  at: { file: string; line: number; bodyLine: number },
): Email | undefined {
  const type = (fields.get("content-type") ?? "text/plain").toLowerCase();
  if (!/^text\/plain\b/.test(type)) return undefined;
  const charset = /charset="?([^";\s]+)"?/.exec(type)?.[1] ?? "us-ascii";
  // Other charsets go to mailparser's iconv-lite: Node's TextDecoder reads windows-1252 as Latin-1.
  if (!/^(?:utf-?8|us-ascii)$/.test(charset)) return undefined;
  const cte = (fields.get("content-transfer-encoding") ?? "7bit").toLowerCase().trim();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decoded = decodeBody(body, cte, decoder);
  if (!decoded) return undefined;
  const lines = decoded.lines;
  while (lines.length > 0 && lines.at(-1)!.trim() === "") lines.pop();
  const shown = new Map([...fields].map(([k, v]) => [k, k in ADDRESS_FIELDS ? decodeAddresses(v) : decodeWords(v)]));
  const what = [cte === "quoted-printable" || cte === "base64" ? cte : ""];
  return {
    file: at.file,
    line: at.line,
    headers: headersOf(shown),
    body: lines,
    headerNames: [...fields.keys()],
    ...(decoded.inputLines ? { lineNumbers: decoded.inputLines.map((k) => at.bodyLine + k) } : {}),
    ...(decoded.inputLines ? {} : { decoded: what.filter(Boolean).join(", ") }),
  };
}

/** The body's text lines, with the body line each came from where that is known (not for base64). */
function decodeBody(body: readonly string[], cte: string, decoder: TextDecoder) {
  try {
    if (cte === "base64") {
      const text = decoder.decode(Buffer.from(body.join(""), "base64"));
      return { lines: crlfToLf(text).split("\n"), inputLines: undefined };
    }
    if (cte === "quoted-printable") return quotedPrintable(body, decoder);
    if (["7bit", "8bit", "binary"].includes(cte)) return eightBit(body);
  } catch {
    return undefined; // not valid in its charset: mailparser says what it can
  }
  return undefined;
}

/** A BOM decoding keeps (each line was once decoded on its own, which drops one at its start). */
const BOM_KEEPING = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * 8-bit lines (Latin-1: one byte per unit) as UTF-8, decoded at once: a line break is never part
 * of a UTF-8 sequence, so the whole is valid exactly when each line is, and splits into the same
 * lines; a byte-order mark at a line's start is dropped, as a decoding of that line alone would.
 */
function eightBit(body: readonly string[]) {
  const text = BOM_KEEPING.decode(Buffer.from(body.join("\n"), "latin1"));
  const lines = body.length === 0 ? [] : text.split("\n");
  if (text.includes("\ufeff")) for (const [k, l] of lines.entries()) if (l.startsWith("\ufeff")) lines[k] = l.slice(1);
  return { lines, inputLines: lines.map((_, k) => k) };
}

/**
 * Quoted-printable lines (`=` at the end joins the next line; `=XX` is a byte) → text lines, each
 * with the body line it started on (unknown when an encoded line break made more lines of one).
 * The bytes are written straight into one buffer: no string per line, no regex per `=XX`.
 */
function quotedPrintable(body: readonly string[], decoder: TextDecoder) {
  let size = 0;
  for (const raw of body) size += raw.length + 1;
  const bytes = Buffer.allocUnsafe(size);
  let n = 0;
  const starts: number[] = [];
  let start = -1;
  for (const [k, raw] of body.entries()) {
    if (start === -1) start = k;
    let end = raw.length;
    while (end > 0 && (raw[end - 1] === " " || raw[end - 1] === "\t")) end--; // the transport's (RFC 2045)
    const soft = end > 0 && raw[end - 1] === "=";
    n = qpBytes(raw, soft ? end - 1 : end, bytes, n);
    if (soft) continue;
    bytes[n++] = 0x0a;
    starts.push(start);
    start = -1;
  }
  if (start !== -1) starts.push(start);
  else if (n > 0) n--;
  const lines = crlfToLf(decoder.decode(bytes.subarray(0, n))).split("\n");
  return { lines, inputLines: lines.length === starts.length ? starts : undefined };
}

/** raw[0, end) (Latin-1: one byte per unit) into out from n, `=XX` as its byte; the new n. */
function qpBytes(raw: string, end: number, out: Buffer, n: number): number {
  const eq = raw.indexOf("=");
  if (eq === -1 || eq >= end) return n + out.write(raw, n, end, "latin1");
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    const hi = c === 0x3d && i + 2 < end ? hex(raw.charCodeAt(i + 1)) : -1;
    const lo = hi === -1 ? -1 : hex(raw.charCodeAt(i + 2));
    if (lo === -1) out[n++] = c;
    else {
      out[n++] = hi * 16 + lo;
      i += 2;
    }
  }
  return n;
}

/** A hex digit's value, -1 for any other character. */
function hex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

const crlfToLf = (s: string) => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);

/** `=?UTF-8?Q?J=C3=B6rg?= <j@x>, b@y` → addresses with their names decoded (quoted again where needed). */
function decodeAddresses(value: string): string {
  return splitAddresses(value)
    .map((a) => {
      const m = /^(.*?)\s*<([^>]*)>$/.exec(a);
      if (!m || !m[1]!.includes("=?")) return decodeWords(a);
      const name = decodeWords(m[1]!).replace(/^"(.*)"$/, "$1");
      return `${/[",;<>@]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name} <${m[2]}>`;
    })
    .join(", ");
}
