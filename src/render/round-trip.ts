// The importer's oracle: an imported report, rendered as `weekly render` would print it (text,
// no Jira), against the email it came from. Each place where the two differ is named, at the
// email's line, unless the importer already said why at that line: nothing changes silently.
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { diffLines, type Hunk } from "../core/diff.js";
import type { ImportedReport } from "../import/imported.js";
import { buildModel } from "../model/build.js";
import { renderModel } from "./render.js";

export async function roundTrip(imported: ImportedReport, config: Config): Promise<Diagnostic[]> {
  const expected = imported.expected;
  if (!expected) return [];
  const model = buildModel(imported.checked, config, { weekEnding: imported.weekEnding });
  // An email decoded from MIME has its headers in the message, not in the text: only the body is compared.
  const text = await renderModel(expected.header ? model : { ...model, header_lines: [] }, { format: "text" });
  const same = expected.crlf === (model.newline === "\r\n");
  // The common case, cheaply: the text is the email's.
  if (same && text === `${expected.lines.join(model.newline)}${model.newline}`) return [];
  const printed = text.split(model.newline);
  if (printed.at(-1) === "") printed.pop();
  const said = new Set(imported.notices.map((n) => n.line));
  const ends: Diagnostic[] = same
    ? []
    : [{ severity: "warning", line: expected.lineOf(0), message: "the report's line ends differ (CRLF, LF)" }];
  return diffLines(expected.lines, printed)
    .map((h) => ({ hunk: h, line: expected.lineOf(Math.min(h.aStart, Math.max(0, expected.lines.length - 1))) }))
    .filter(({ line }) => !said.has(line))
    .map(
      ({ hunk, line }): Diagnostic => ({ severity: "warning", line, message: describe(hunk, expected.lines, printed) }),
    )
    .concat(ends);
}

const MAX_QUOTE = 60;
const quote = (line: string) => JSON.stringify(line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 3)}...` : line);
const count = (n: number) => (n === 1 ? "this line" : `these ${n} lines`);

function describe(h: Hunk, was: readonly string[], is: readonly string[]): string {
  const removed = h.aEnd - h.aStart;
  const added = h.bEnd - h.bStart;
  const first = was[h.aStart] ?? "";
  if (added === 0) return `the report does not print ${count(removed)} back (${quote(first)}); add them to the file`;
  const shown = is[h.bStart]!;
  const blank = is.slice(h.bStart, h.bEnd).every((l) => l.trim() === "");
  const what = blank
    ? added === 1
      ? "a blank line"
      : `${added} blank lines`
    : added === 1
      ? quote(shown)
      : `${added} lines (${quote(shown)} ...)`;
  if (removed === 0) return `the report prints ${what} before this line, which the email does not have`;
  return `the report prints ${count(removed)} (${quote(first)}) as ${what}`;
}
