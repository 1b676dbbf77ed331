// weekly new [--date D]: this week's report file, carried over from the latest earlier one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import { loadConfig } from "../config/load.js";
import { UsageError, UserError } from "../errors.js";
import { inFormat, readTextFile, readTextWithFormat } from "../io/read-text.js";
import { YAML_OUT } from "../io/yaml.js";
import type { Io } from "../io/output.js";
import { freeBackupName, writeFileAtomic } from "../io/write-atomic.js";
import { carryForward } from "../report/carry.js";
import { dateFromFileName, dateIn, weekEndingFor } from "../report/week.js";
import { readReport } from "./common.js";
import { jiraForNew } from "./new-jira.js";

export interface NewOptions {
  date?: string;
  config?: string;
  force?: boolean;
  edit?: boolean;
  fromJira?: boolean;
  dropDone?: boolean;
}

export async function newCommand(io: Io, opts: NewOptions): Promise<void> {
  const { config, dir, file: configFile } = loadConfig({ cwd: io.cwd, explicit: opts.config });
  if (!configFile) io.stderr.write(`note: no weekly.config.yaml here or above; using ./${config.reports_dir} (weekly init writes one)\n`);
  const today = opts.date ?? dateIn(io.now(), config.timezone);
  if (!dateFromFileName(`${today}.yaml`)) throw new UsageError(`--date must be a date like 2022-11-11, got "${opts.date}"`);
  const weekEnding = weekEndingFor(today, config.week_ends_on);
  const folder = join(dir, config.reports_dir);
  const target = join(folder, `${weekEnding}.yaml`);
  const shown = relative(io.cwd, target) || target;
  if (existsSync(target) && !opts.force) throw new UserError(`${shown} already exists; edit it, or use --force to start it again`);

  const previous = latestBefore(folder, weekEnding);
  let text: string;
  if (previous) {
    const prevFile = join(folder, `${previous}.yaml`);
    const checked = readReport(io, prevFile, opts.config);
    if (!checked.report) throw new UserError(`${checked.file}: last week's report has errors; fix them first (weekly check ${checked.file})`);
    const previousText = readTextWithFormat(prevFile, "report file (YAML)");
    const doc = parseDocument(previousText.text);
    const jira = opts.fromJira || opts.dropDone ? await jiraForNew(io, checked, { dropDone: opts.dropDone === true, addMine: opts.fromJira === true }) : undefined;
    const { notices } = carryForward(doc, { weekEnding, previous, notes: config.carry_notes, drop: jira?.drop });
    if (jira) jira.addTo(doc);
    for (const n of [...notices, ...(jira?.notices ?? [])]) io.stderr.write(`${n}\n`);
    text = inFormat(doc.toString(YAML_OUT), previousText.format);
  } else {
    text = starter(weekEnding, folder, dir);
    io.stderr.write(`no earlier report in ${relative(io.cwd, folder) || "."}: started ${shown} from scratch\n`);
  }
  mkdirSync(folder, { recursive: true });
  if (existsSync(target)) {
    const backup = freeBackupName(target);
    writeFileAtomic(backup, readTextFile(target, "report file (YAML)"), { display: backup });
    io.stderr.write(`the week you replaced is kept as ${relative(io.cwd, backup) || backup}\n`);
  }
  writeFileAtomic(target, text, { force: opts.force, display: shown });
  io.stdout.write(`${shown}\n`);
  if (opts.edit) openEditor(io, target);
}

/** The newest YYYY-MM-DD.yaml in the folder dated before the given week. */
function latestBefore(folder: string, weekEnding: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder)
    .map((n) => dateFromFileName(n))
    .filter((d): d is string => d !== undefined && d < weekEnding)
    .sort()
    .at(-1);
}

function starter(weekEnding: string, folder: string, configDir: string): string {
  const schema = join(configDir, "schema", "report.schema.json");
  const head = existsSync(schema) ? `# yaml-language-server: $schema=${relative(folder, schema)}\n` : "";
  return `${head}# The week ending ${weekEnding}. \`weekly check\` validates it; \`weekly render\` prints the email.
sections:
  - title: My project
    entries:
      - label: MISC
        notes:
          - |
            What happened this week. Indented lines, tables and blank lines
            are printed as written.
`;
}

function openEditor(io: Io, file: string): void {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (!editor) throw new UsageError(`--edit needs $EDITOR (or $VISUAL); the file is written: ${file}`);
  // Through sh, so that EDITOR may carry arguments ("code --wait"); the path goes in as $1, quoted.
  const r = spawnSync("sh", ["-c", `${editor} "$1"`, "sh", file], { stdio: "inherit", env: io.env });
  if (r.error || r.status !== 0) throw new UserError(`${editor} did not finish cleanly (${r.error?.message ?? `exit ${r.status}`}); the file is written: ${file}`);
}
