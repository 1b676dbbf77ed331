// A Linaro jipdate status file → a Report, so that jipdate users bring their history along. The
// file: a `Subject:` line, a header (greeting, name), then one block per `[KEY]` (or
// `[KEY | summary]`) with jipdate's `# Header:` / `# Type:` / `# Status:` comment lines, the
// engineer's text, and `Status: X` / `Time spent: 4h` lines; `[FIN]` ends what jipdate reads.
// The text becomes notes (one per paragraph), `# Header:` the summary, `Status:` and `Time
// spent:` the entry's set_status / time_spent for `weekly push`; what follows [FIN] the closing.
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { JIRA_KEY } from "../core/schemas.js";
import { Entry } from "../report/schema.js";
import type { ReportInput } from "../report/write.js";
import type { EntryInput } from "./body.js";
import { blockText, trimEnd } from "./context.js";
import { mailFieldsOf } from "./header-block.js";
import { finish, type ImportedReport, weekOf } from "./imported.js";
import { isBlank, progressOf } from "./lines.js";
import type { Email } from "./read-emails.js";

const TAG = /^\[([A-Za-z][A-Za-z0-9_]*(?:-[0-9]+)?)(?:[ \t]*\|[ \t]*([^\]]*))?\][ \t]*$/;
const JIPDATE_COMMENT = /^# (?:Header|Type|Status|Last comment):/;

/** Whether a body is a jipdate status file: `[KEY]` blocks with jipdate's comment lines, or `[FIN]`. */
export function isJipdate(body: readonly string[]): boolean {
  const tagged = body.some(
    (l, i) => l.charCodeAt(0) === 0x5b && TAG.test(l) && JIPDATE_COMMENT.test(body[i + 1] ?? ""),
  );
  return tagged || (body.includes("[FIN]") && body.some((l) => isKey(TAG.exec(l)?.[1])));
}

const isKey = (tag: string | undefined) => tag !== undefined && JIRA_KEY.test(tag);

export function jipdateReport(email: Email, config: Config): ImportedReport {
  const notices: Diagnostic[] = [];
  const { body } = email;
  const lineOf = (i: number) => (email.bodyLine ?? email.line) + (email.bodyLine === undefined ? 0 : i);
  const say = (i: number, message: string) => notices.push({ severity: "info", line: lineOf(i), message });
  const fin = body.indexOf("[FIN]");
  const end = fin === -1 ? body.length : fin;
  const starts = body.flatMap((l, i) => (i < end && TAG.test(l) ? [i] : []));
  const first = starts[0] ?? end;
  const entries = starts.map((s, k) => entryOf(body, s, starts[k + 1] ?? end, say));
  const greeting = trimEnd(body, 0, first);
  const after = fin === -1 ? [] : body.slice(fin + 1);
  while (after.length && isBlank(after[0])) after.shift();
  const comments = body.slice(0, end).filter((l) => l.startsWith("#")).length;
  say(
    0,
    `read as a jipdate status file: its ${comments} "# " lines${fin === -1 ? "" : " and [FIN]"} are jipdate's own`,
  );
  const weekEnding = weekOf(email, config, notices);
  const report: ReportInput = {
    week_ending: weekEnding,
    ...mailFieldsOf(email, config, weekEnding, notices),
    ...(greeting > 0 ? { greeting: blockText(body.slice(0, greeting), 1) } : {}),
    sections: [{ entries }],
    ...(after.length ? { closing: blockText(after, 0) } : {}),
  };
  return finish(email, weekEnding, report, notices);
}

/** One `[TAG]` block, lines[start, end). */
function entryOf(lines: readonly string[], start: number, end: number, say: (i: number, m: string) => void) {
  const [, tag, combined] = TAG.exec(lines[start]!)!;
  const entry: EntryInput = isKey(tag) ? { ticket: tag!.toUpperCase() } : { label: tag! };
  if (!isKey(tag)) say(start, `[${tag}] is no Jira key: its text is kept under the label ${tag}`);
  if (combined?.trim()) entry.summary = combined.trim();
  const text: { line: string; at: number }[] = [];
  for (let i = start + 1; i < end; i++) {
    const line = lines[i]!;
    const header = /^# Header:[ \t]*(.*)$/.exec(line);
    if (header?.[1]) entry.summary ??= header[1].trim();
    if (line.startsWith("#")) continue;
    if (takeAction(entry, line, i, say)) continue;
    text.push({ line, at: i });
  }
  while (text.length && isBlank(text.at(-1)!.line)) text.pop();
  while (text.length && isBlank(text[0]!.line)) text.shift();
  const notes = paragraphs(text.map((t) => t.line));
  if (notes.length === 0) return { ...entry, progress: "none" as const };
  const progress = notes.length === 1 && !notes[0]!.includes("\n") ? progressOf(notes[0]!) : undefined;
  return progress ? { ...entry, progress } : { ...entry, notes };
}

/** `Status: In Review`, `Status: Resolved / Fixed`, `Time spent: 1h 30m` → the entry's fields. */
function takeAction(entry: EntryInput, line: string, i: number, say: (i: number, m: string) => void): boolean {
  const status = /^Status:[ \t]*(\S.*?)[ \t]*$/.exec(line);
  if (status) {
    const [name, resolution] = status[1]!.split(/[ \t]*\/[ \t]*/);
    entry.set_status = name!;
    if (resolution) entry.resolution = resolution;
    return true;
  }
  const spent = /^Time spent:[ \t]*(.*?)[ \t]*$/.exec(line);
  if (!spent) return false;
  if (Entry.safeParse({ label: "X", time_spent: spent[1] }).success) {
    entry.time_spent = spent[1]!;
    return true;
  }
  say(i, `"Time spent: ${spent[1]}" is no time like "4h" or "1h 30m": it stays text of the note`);
  return false;
}

/** The text as notes: a new one at each paragraph that starts at the margin; indented blocks stay with theirs. */
function paragraphs(lines: readonly string[]): string[] {
  const notes: string[][] = [];
  for (const [k, line] of lines.entries()) {
    const fresh = k === 0 || (isBlank(lines[k - 1]) && !/^[ \t]/.test(line) && !isBlank(line));
    if (fresh) notes.push([line]);
    else notes.at(-1)!.push(line);
  }
  return notes.map((n) => {
    while (n.length > 1 && isBlank(n.at(-1))) n.pop();
    return n.length === 1 ? n[0]! : `${n.join("\n")}\n`;
  });
}
