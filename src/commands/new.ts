// weekly new [--date D]: this week's report file, carried over from the latest earlier one.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { loadConfig } from "../config/load.js";
import { editReport } from "./edit.js";
import { errorsOf } from "../core/diagnostic.js";
import { UsageError, UserError } from "../core/errors.js";
import { jiraForNew } from "../jira/for-new.js";
import { makeDirs } from "../io/dirs.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { inFormat, readTextWithFormat } from "../io/read-text.js";
import { withFileLock } from "../io/lock.js";
import { keepBackup, writeFileAtomic } from "../io/write-atomic.js";
import { YAML_OUT } from "../report/sections.js";
import { addTicketEntries } from "../report/add-note.js";
import { carryForward } from "../report/carry.js";
import { checkReport, isValid } from "../report/check.js";
import { latestBefore } from "../report/files.js";
import { starterReport } from "../report/starter.js";
import { dateIn, weekEndingFor } from "../report/week.js";

export interface NewOptions {
  date?: string;
  config?: string;
  force?: boolean;
  edit?: boolean;
  /** Whether stdin is a terminal (the edit loop asks there). */
  tty?: boolean;
  fromJira?: boolean;
  dropDone?: boolean;
  jiraUrl?: string;
}

export async function newCommand(io: Io, opts: NewOptions): Promise<void> {
  const { config, dir, file: configFile } = loadConfig({ cwd: io.cwd, explicit: opts.config, env: io.env });
  if (!configFile)
    io.stderr.write(
      `note: no weekly.config.yaml here or above; using ./${config.reports_dir} (weekly init writes one)\n`,
    );
  const weekEnding = weekEndingFor(opts.date ?? dateIn(io.now(), config.timezone), config.week_ends_on);
  const folder = join(dir, config.reports_dir);
  const target = join(folder, `${weekEnding}.yaml`);
  const shown = displayPath(io.cwd, target);
  if (existsSync(target) && !opts.force)
    throw new UsageError(`${shown} already exists; edit it, or use --force to start it again`);
  const text = (await nextWeek(io, opts, folder, weekEnding)) ?? fromScratch(io, weekEnding, folder, shown);
  makeDirs(folder);
  if (existsSync(target)) await replaceWeek(io, target, text, shown);
  else writeFileAtomic(target, text, { display: shown }); // never over a file made meanwhile
  io.stdout.write(`${shown}\n`);
  if (opts.edit) await editReport(io, target, { config: opts.config, tty: opts.tty });
}

/** --force: the week starts again, under the report's lock; what it replaces is kept, byte for byte. */
async function replaceWeek(io: Io, target: string, text: string, shown: string): Promise<void> {
  await withFileLock(
    target,
    () => {
      const backup = keepBackup(target, shown);
      try {
        writeFileAtomic(target, text, { force: true, display: shown });
      } catch (e) {
        rmSync(backup, { force: true }); // the week was not replaced: its copy is not needed
        throw e;
      }
      io.stderr.write(`the week you replaced is kept as ${displayPath(io.cwd, backup)}\n`);
    },
    { display: shown, sleep: io.sleep },
  );
}

/** Last week's file carried over, or undefined when there is no earlier week. */
async function nextWeek(io: Io, opts: NewOptions, folder: string, weekEnding: string): Promise<string | undefined> {
  const previous = latestBefore(folder, weekEnding);
  if (!previous) return undefined;
  const last = checkReport(io.cwd, previous.path, opts.config, io.env);
  if (!isValid(last)) {
    throw new UserError(`${last.file}: last week's report has errors; fix them first (weekly check ${last.file})`);
  }
  const problems = errorsOf(last.problems);
  if (problems.length) {
    // It loads, but what is wrong with it (a ticket twice, say) would be carried into the new week.
    io.stderr.write(
      `warning: last week's report has ${problems.length} problem${problems.length === 1 ? "" : "s"} ` +
        "that carry over:\n",
    );
    printDiagnostics(
      io,
      problems.map((p) => ({ ...p, severity: "warning" as const })),
    );
  }
  const { text, format } = readTextWithFormat(previous.path, "report file (YAML)");
  const doc = parseDocument(text);
  const jira =
    opts.fromJira || opts.dropDone
      ? await jiraForNew(io, last, {
          dropDone: opts.dropDone === true,
          addMine: opts.fromJira === true,
          jiraUrl: opts.jiraUrl,
        })
      : undefined;
  const { config } = last.loaded;
  const carry = {
    weekEnding,
    previous: previous.weekEnding,
    notes: config.carry_notes,
    drop: jira?.drop,
    rename: jira?.moved,
  };
  const { notices } = carryForward(doc, last.report, carry);
  if (jira) addTicketEntries(doc, jira.add);
  printDiagnostics(io, [...notices, ...(jira?.notices ?? [])]);
  return inFormat(doc.toString(YAML_OUT), format);
}

function fromScratch(io: Io, weekEnding: string, folder: string, shown: string): string {
  io.stderr.write(`no earlier report in ${displayPath(io.cwd, folder)}: started ${shown} from scratch\n`);
  return starterReport(weekEnding, folder);
}
