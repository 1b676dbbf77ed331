// Every email of every input, read, parsed and checked: the reports to write, the emails skipped
// (no report), and the problems (each a diagnostic; one failing email does not stop the others).
import { resolve } from "node:path";
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { WeeklyError } from "../core/errors.js";
import { buildReport, type ImportedReport, type Skipped } from "./build-report.js";
import { type Email, readEmails, readInput, STDIN_NAME } from "./read-emails.js";

export interface ImportResult<T> {
  reports: T[];
  skipped: Diagnostic[];
  problems: Diagnostic[];
}

/**
 * `prepare` turns each report into what the caller keeps (the file's text, say) as soon as it is
 * built, so that a large mbox's reports and bodies need not all be held at once.
 */
export async function importAll<T>(
  cwd: string,
  files: string[],
  config: Config,
  stdin: AsyncIterable<Uint8Array>,
  prepare: (r: ImportedReport) => T | Promise<T>,
  progress?: (file: string, done: number, total: number) => void,
): Promise<ImportResult<T>> {
  const result: ImportResult<T> = { reports: [], skipped: [], problems: [] };
  const build = async (email: Email | WeeklyError): Promise<T | Skipped | WeeklyError> => {
    if (email instanceof WeeklyError) return email;
    try {
      const built = buildReport(email, config);
      return "skipped" in built ? built : await prepare(built);
    } catch (e) {
      if (e instanceof WeeklyError) return e;
      throw e;
    }
  };
  for (const file of files) {
    try {
      const buf = await readInput(file, resolve(cwd, file), stdin);
      const shown = file === "-" ? STDIN_NAME : file;
      const each = progress && ((done: number, total: number) => progress(shown, done, total));
      for (const r of await readEmails(buf, shown, build, each)) {
        if (r instanceof WeeklyError) result.problems.push(...r.diagnostics);
        else if (isSkipped(r)) result.skipped.push(r.skipped);
        else result.reports.push(r);
      }
    } catch (e) {
      if (!(e instanceof WeeklyError)) throw e;
      result.problems.push(...e.diagnostics);
    }
  }
  return result;
}

const isSkipped = (r: unknown): r is Skipped => typeof r === "object" && r !== null && "skipped" in r;
