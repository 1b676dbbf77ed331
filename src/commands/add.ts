// weekly add KEY "text" [--section S]: a note for this week's report, the file's comments kept.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { loadConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { formatDiagnostic, hasErrors } from "../core/diagnostic.js";
import { UsageError, UserError } from "../core/errors.js";
import { JIRA_KEY } from "../core/schemas.js";
import { suggestKey } from "../core/suggest.js";
import { jiraSetup } from "../jira/setup.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { inFormat, readTextWithFormat } from "../io/read-text.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { YAML_OUT } from "../io/yaml.js";
import { addNote } from "../report/add-note.js";
import { parseReport } from "../report/load.js";
import { dateIn, weekEndingFor } from "../report/week.js";

export interface AddOptions {
  key: string;
  text: string;
  section?: string;
  label?: boolean;
  date?: string;
  config?: string;
}

export async function addCommand(io: Io, opts: AddOptions): Promise<void> {
  if (opts.text.trim() === "") throw new UsageError('the note is empty: weekly add KEY "what happened"');
  const id = opts.label ? opts.key : checkKey(opts.key);
  const { config, dir } = loadConfig({ cwd: io.cwd, explicit: opts.config });
  const weekEnding = weekEndingFor(opts.date ?? dateIn(io.now(), config.timezone), config.week_ends_on);
  const file = join(dir, config.reports_dir, `${weekEnding}.yaml`);
  const shown = displayPath(io.cwd, file);
  if (!existsSync(file)) {
    throw new UserError(
      `no report for the week ending ${weekEnding} (${shown}); ` +
        `start it with: weekly new${opts.date ? ` --date ${opts.date}` : ""}`,
    );
  }
  const { text: source, format } = readTextWithFormat(file, "report file (YAML)");
  const before = parseReport(source, shown);
  if (!before.report || hasErrors(before.problems)) {
    const first = before.problems.find((p) => p.severity === "error");
    throw new UserError(
      `nothing added: fix the report first (${first ? formatDiagnostic(first) : shown}; weekly check ${shown})`,
    );
  }
  if (!opts.label) await checkInJira(io, id, config, dir);
  const doc = parseDocument(source);
  const where = addNote(doc, {
    ...(opts.label ? { label: id } : { ticket: id }),
    text: opts.text,
    section: opts.section,
  });
  const text = doc.toString(YAML_OUT);
  // The edit must leave a report that still loads: never write a file that the next command refuses.
  const after = parseReport(text, shown);
  if (!after.report || hasErrors(after.problems)) {
    throw new UserError(
      `nothing added: the note would make the report invalid (${after.problems.map(formatDiagnostic)[0]})`,
    );
  }
  writeFileAtomic(file, inFormat(text, format), { force: true, display: shown });
  io.stdout.write(
    `${shown}: ${opts.label ? `(${id})` : `[${id}]`} in "${where.section}"${where.created ? " (new entry)" : ""}\n`,
  );
}

function checkKey(key: string): string {
  if (JIRA_KEY.test(key)) return key;
  const hint = suggestKey(key);
  const label = key.trim() ? ` (for work without a ticket: --label ${JSON.stringify(key.trim())})` : "";
  throw new UsageError(`"${key}" is not a Jira key like STR-68${hint ? `; did you mean ${hint}?` : ""}${label}`);
}

/** With Jira configured, a key it does not know is refused (a typo); Jira down only warns. */
async function checkInJira(io: Io, key: string, config: Config, dir: string): Promise<void> {
  const setup = jiraSetup(config.jira, { env: io.env, configDir: dir, now: io.now(), sleep: io.sleep });
  if (!setup?.credentials) return;
  const { fetchJiraFacts } = await import("../jira/facts.js");
  const result = await fetchJiraFacts([key], setup);
  printDiagnostics(io, result.warnings);
  if (result.unknown.includes(key))
    throw new UserError(`${key} is not in Jira (or not visible to you); a typo? nothing added`);
}
