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
      return { lines: text.replace(/\r\n?/g, "\n").split("\n"), inputLines: undefined };
    }
    if (cte === "quoted-printable") return quotedPrintable(body, decoder);
    if (["7bit", "8bit", "binary"].includes(cte)) {
      const lines = body.map((l) => decoder.decode(Buffer.from(l, "latin1")));
      return { lines, inputLines: lines.map((_, k) => k) };
    }
  } catch {
    return undefined; // not valid in its charset: mailparser says what it can
  }
  return undefined;
}

/**
 * Quoted-printable lines (`=` at the end joins the next line; `=XX` is a byte) → text lines, each
 * with the body line it started on (unknown when an encoded line break made more lines of one).
 */
function quotedPrintable(body: readonly string[], decoder: TextDecoder) {
  let bytes = "";
  const starts: number[] = [];
  let start = -1;
  for (const [k, raw] of body.entries()) {
    if (start === -1) start = k;
    let end = raw.length;
    while (end > 0 && (raw[end - 1] === " " || raw[end - 1] === "\t")) end--; // the transport's (RFC 2045)
    const soft = end > 0 && raw[end - 1] === "=";
    const line = raw.slice(0, soft ? end - 1 : end);
    bytes += line.includes("=")
      ? line.replace(QP_BYTE, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : line;
    if (soft) continue;
    bytes += "\n";
    starts.push(start);
    start = -1;
  }
  if (start !== -1) starts.push(start);
  else bytes = bytes.slice(0, -1);
  const lines = decoder.decode(Buffer.from(bytes, "latin1")).replace(/\r\n?/g, "\n").split("\n");
  return { lines, inputLines: lines.length === starts.length ? starts : undefined };
}

const QP_BYTE = /=([0-9A-Fa-f]{2})/g;

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
