// weekly import FILE... [-o DIR] [--dry-run] [--force]: past plain-text weekly reports (one email,
// several pasted one after another, or an mbox; "-" for stdin) → one YAML report file per week.
// All emails are read, parsed and checked, and all YAML made, before the first file is written;
// nothing is written when anything failed; each file atomically, none overwritten without --force.
// One report per week: two emails for the same week are an error naming both (no "-2" suffix:
// a report file's name is its week, which render, check and lint rely on).
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { ProblemsFound, UsageError, UserError } from "../errors.js";
import { buildReport, NotAReport, type ImportedReport } from "../import/build-report.js";
import { readEmails, readInput, STDIN_NAME, type Email } from "../import/read-emails.js";
import type { Io } from "../io/output.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { stringifyReport } from "../report/write.js";

export interface ImportOptions {
  files: string[];
  /** -o DIR: where the YYYY-MM-DD.yaml files go; default: the config's reports_dir, else the cwd. */
  output?: string;
  dryRun?: boolean;
  force?: boolean;
  config?: string;
}

interface PlannedFile {
  path: string;
  display: string;
  imported: ImportedReport;
}

export async function importCommand(io: Io, opts: ImportOptions): Promise<void> {
  if (opts.files.length === 0) throw new UsageError("name the files to import: weekly import old-reports.txt sent.mbox (- reads stdin)");
  if (opts.files.filter((f) => f === "-").length > 1) throw new UsageError("- (stdin) can be named once only");
  const loaded = loadConfig({ cwd: io.cwd, explicit: opts.config, near: opts.output ? [resolve(io.cwd, opts.output)] : [] });
  const dir = outputDir(io, opts, loaded);
  const problems: string[] = [];
  const imported = await importAll(io, opts.files, loaded, problems);
  if (imported.length === 0 && problems.length === 0) throw new UserError(`no weekly report found in ${opts.files.join(", ")}; nothing written`);
  for (const r of imported) for (const n of r.notices) io.stderr.write(`${r.source.file}:${n.line}: ${n.message}\n`);
  const planned = planFiles(io, imported, dir, opts.force === true, problems);
  for (const p of problems) io.stderr.write(`${p}\n`);
  if (problems.length > 0) {
    io.stderr.write(`nothing written: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
    throw new ProblemsFound(problems.length);
  }
  if (opts.dryRun) return listPlan(io, planned);
  const schemaPath = schemaPathFor(io, loaded, dir);
  const texts = planned.map((f) => stringifyReport(f.imported.report, schemaPath ? { schemaPath } : {}));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  planned.forEach((f, k) => {
    writeFileAtomic(f.path, texts[k]!, { force: opts.force, display: f.display });
    io.stdout.write(`${f.display}\n`);
  });
}

/** Read and parse every email of every input; a failing input or email is a problem, the rest go on. */
async function importAll(io: Io, files: string[], loaded: LoadedConfig, problems: string[]): Promise<ImportedReport[]> {
  const out: ImportedReport[] = [];
  const build = (email: Email | UserError): ImportedReport | string | undefined => {
    if (email instanceof UserError) return email.message;
    try {
      return buildReport(email, loaded.config);
    } catch (e) {
      if (!(e instanceof NotAReport)) return problemOf(e);
      io.stderr.write(`${e.message}\n`);
      return undefined;
    }
  };
  for (const file of files) {
    try {
      const buf = await readInput(file, resolve(io.cwd, file), io.stdin ?? process.stdin);
      for (const r of await readEmails(buf, file === "-" ? STDIN_NAME : file, build)) {
        if (typeof r === "string") problems.push(r);
        else if (r) out.push(r);
      }
    } catch (e) {
      problems.push(problemOf(e));
    }
  }
  return out;
}

/** A UserError's one-line message; anything else is a bug and goes on up. */
function problemOf(e: unknown): string {
  if (e instanceof UserError) return e.message;
  throw e;
}

function outputDir(io: Io, opts: ImportOptions, loaded: LoadedConfig): string {
  if (opts.output) return resolve(io.cwd, opts.output);
  return loaded.file ? resolve(loaded.dir, loaded.config.reports_dir) : io.cwd;
}

/** The project's schema/report.schema.json relative to the output folder, when there is one. */
function schemaPathFor(io: Io, loaded: LoadedConfig, dir: string): string | undefined {
  const schema = join(loaded.file ? dirname(loaded.file) : io.cwd, "schema", "report.schema.json");
  return existsSync(schema) ? relative(dir, schema).split(sep).join("/") : undefined;
}

/**
 * One file per week: of two emails for the same week the later one wins (a corrected report sent
 * again), and the other is named; existing files (without --force) are problems.
 */
function planFiles(io: Io, imported: ImportedReport[], dir: string, force: boolean, problems: string[]): PlannedFile[] {
  const byWeek = new Map<string, ImportedReport>();
  for (const r of imported) {
    const earlier = byWeek.get(r.weekEnding);
    if (earlier) {
      io.stderr.write(
        `${earlier.source.file}:${earlier.source.line}: skipped ${earlier.source.name}: the email at ${r.source.file}:${r.source.line} is for the same week (${r.weekEnding}) and comes later\n`,
      );
    }
    byWeek.set(r.weekEnding, r);
  }
  const out: PlannedFile[] = [];
  for (const r of byWeek.values()) {
    const path = join(dir, `${r.weekEnding}.yaml`);
    const rel = relative(io.cwd, path);
    const display = rel.startsWith("..") ? path : rel;
    if (existsSync(path) && !force) problems.push(`${display}: already exists; use --force to overwrite it`);
    out.push({ path, display, imported: r });
  }
  return out;
}

function listPlan(io: Io, planned: PlannedFile[]): void {
  for (const { display, imported: r } of planned) {
    const sections = r.report.sections.length;
    const entries = r.report.sections.reduce((n, s) => n + (s.entries?.length ?? 0), 0);
    io.stdout.write(
      `${display}  ${r.weekEnding}  ${sections} section${sections === 1 ? "" : "s"}, ${entries} entr${entries === 1 ? "y" : "ies"}  (from ${r.source.file}:${r.source.line}; dry run, not written)\n`,
    );
  }
}
