// weekly add KEY "text" [--section S]: a note for this week's report, the file's comments kept,
// under the report's lock (20 adds at once keep 20 notes).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { loadConfig } from "../config/load.js";
import { formatDiagnostic, hasErrors } from "../core/diagnostic.js";
import { UsageError, UserError } from "../core/errors.js";
import { JIRA_KEY } from "../core/schemas.js";
import { suggestKey } from "../core/suggest.js";
import { checkKeyInJira } from "../jira/check-key.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { updateFile } from "../io/update-file.js";
import { YAML_OUT } from "../report/sections.js";
import { type AddedNote, addNote } from "../report/add-note.js";
import { parseReport } from "../report/load.js";
import { dateIn, weekEndingFor } from "../report/week.js";

export interface AddOptions {
  key: string;
  text: string;
  section?: string;
  label?: boolean;
  date?: string;
  config?: string;
  jiraUrl?: string;
}

export async function addCommand(io: Io, opts: AddOptions): Promise<void> {
  if (opts.text.trim() === "") throw new UsageError('the note is empty: weekly add KEY "what happened"');
  const id = opts.label ? opts.key : checkKey(opts.key);
  const loaded = loadConfig({ cwd: io.cwd, explicit: opts.config, env: io.env });
  const { config, dir } = loaded;
  const weekEnding = weekEndingFor(opts.date ?? dateIn(io.now(), config.timezone), config.week_ends_on);
  const file = join(dir, config.reports_dir, `${weekEnding}.yaml`);
  const shown = displayPath(io.cwd, file);
  if (!existsSync(file)) {
    const start = `weekly new${opts.date ? ` --date ${opts.date}` : ""}`;
    throw new UserError(`no report for the week ending ${weekEnding} (${shown}); start it with: ${start}`);
  }
  // Jira first, outside the lock: it may take seconds, and it is about the key, not the file.
  const jira = opts.label ? undefined : await checkKeyInJira(io, id, loaded, opts.jiraUrl);
  if (jira) printDiagnostics(io, jira.notices);
  const ticket = opts.label ? {} : { ticket: jira?.key ?? id, formerly: jira?.formerly };
  const note = { ...(opts.label ? { label: id } : ticket), text: opts.text, section: opts.section };
  const where = await updateFile(file, (source) => withNote(source, shown, note), {
    display: shown,
    what: "report file (YAML)",
    sleep: io.sleep,
  });
  io.stdout.write(
    `${shown}: ${opts.label ? `(${where.id})` : `[${where.id}]`} in ${where.section}` +
      `${where.created ? " (new entry)" : ""}\n`,
  );
}

/** The report with the note in; refused when the report (before or after) does not load. */
function withNote(
  source: string,
  shown: string,
  note: Parameters<typeof addNote>[1],
): { text: string; result: AddedNote } {
  const before = parseReport(source, shown);
  if (!before.report || hasErrors(before.problems)) {
    const first = before.problems.find((p) => p.severity === "error");
    throw new UserError(
      `nothing added: fix the report first (${first ? formatDiagnostic(first) : shown}; weekly check ${shown})`,
    );
  }
  const doc = parseDocument(source);
  const result = addNote(doc, note);
  const text = doc.toString(YAML_OUT);
  // The edit must leave a report that still loads: never write a file that the next command refuses.
  const after = parseReport(text, shown);
  if (!after.report || hasErrors(after.problems)) {
    throw new UserError(
      `nothing added: the note would make the report invalid (${after.problems.map(formatDiagnostic)[0]})`,
    );
  }
  return { text, result };
}

function checkKey(key: string): string {
  if (JIRA_KEY.test(key)) return key;
  const hint = suggestKey(key);
  const label = key.trim() ? ` (for work without a ticket: --label ${JSON.stringify(key.trim())})` : "";
  throw new UsageError(`"${key}" is not a Jira key like STR-68${hint ? `; did you mean ${hint}?` : ""}${label}`);
}
