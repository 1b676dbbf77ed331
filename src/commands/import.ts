// weekly import FILE... [-o DIR] [--dry-run] [--force]: past plain-text weekly reports (one email,
// several pasted one after another, or an mbox; "-" for stdin) → one YAML report file per week.
// All emails are read, parsed and checked, and all YAML made, before the first file is written;
// nothing is written when anything failed; each file atomically, none overwritten without --force.
import { dirname, resolve } from "node:path";
import { type LoadedConfig, loadConfig } from "../config/load.js";
import { ProblemsFound, UsageError, UserError } from "../core/errors.js";
import { importAll } from "../import/import-all.js";
import type { ImportedReport } from "../import/imported.js";
import { describePlan, planFiles, prepareReport } from "../import/plan.js";
import { makeDirs } from "../io/dirs.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { schemaReference } from "../io/package-files.js";
import { progressLine } from "../io/progress.js";
import { writeFileSet } from "../io/write-set.js";
import { roundTrip } from "../render/round-trip.js";

export interface ImportOptions {
  files: string[];
  /** -o DIR: where the YYYY-MM-DD.yaml files go; default: the config's reports_dir, else the cwd. */
  output?: string;
  dryRun?: boolean;
  force?: boolean;
  config?: string;
  /** No progress line on a terminal. */
  quiet?: boolean;
}

export async function importCommand(io: Io, opts: ImportOptions): Promise<void> {
  if (opts.files.filter((f) => f === "-").length > 1) throw new UsageError("- (stdin) can be named once only");
  const loaded = loadConfig({
    env: io.env,
    cwd: io.cwd,
    explicit: opts.config,
    near: opts.output ? [resolve(io.cwd, opts.output)] : [],
  });
  const dir = outputDir(io, opts, loaded);
  const schemaPath = schemaReference("report", dir);
  const yaml = schemaPath ? { schemaPath } : {};
  // Each report is checked against its email (what the file would print differently is named)
  // and made into its file's text as soon as it is read; only the text is kept.
  const prepare = async (r: ImportedReport) => {
    const said = [...r.notices, ...(await roundTrip(r, loaded.config))];
    said.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return prepareReport(r, said, yaml);
  };
  const shown = progressLine(io, "reading", opts.quiet);
  const progress = (file: string, done: number, total: number) => shown.update(done, total);
  const result = await importAll(io.cwd, opts.files, loaded.config, io.stdin ?? process.stdin, prepare, progress);
  shown.end();
  printDiagnostics(io, result.skipped);
  if (result.reports.length === 0 && result.problems.length === 0) {
    throw new UserError(`no weekly report found in ${opts.files.join(", ")}; nothing written`);
  }
  for (const r of result.reports)
    printDiagnostics(
      io,
      r.notices.map((n) => ({ ...n, file: r.source.file })),
    );
  const plan = planFiles(io.cwd, result.reports, { dir, force: opts.force === true, from: loaded.config.from });
  printDiagnostics(io, plan.notes);
  const problems = [...result.problems, ...plan.problems];
  printDiagnostics(io, problems);
  if (problems.length > 0) {
    io.stderr.write(`nothing written: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
    throw new ProblemsFound(problems.length);
  }
  if (opts.dryRun) return void io.stdout.write(describePlan(plan.planned));
  for (const folder of new Set([dir, ...plan.planned.map((f) => dirname(f.path))])) makeDirs(folder);
  // All files or none: a full disk or a kill while writing leaves no partial set of weeks.
  const written = writeFileSet(
    plan.planned.map((f) => ({ path: f.path, data: f.imported.text, display: f.display })),
    opts.force === true,
  );
  for (const w of written) io.stdout.write(`${w.file.display}${w.unchanged ? "  (unchanged)" : ""}\n`);
}

function outputDir(io: Io, opts: ImportOptions, loaded: LoadedConfig): string {
  if (opts.output) return resolve(io.cwd, opts.output);
  return loaded.file ? resolve(loaded.dir, loaded.config.reports_dir) : io.cwd;
}
