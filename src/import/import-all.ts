// Every email of every input, read, parsed and checked: the reports to write, the emails skipped
// (no report), and the problems (each a diagnostic; one failing email does not stop the others).
import { resolve } from "node:path";
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { WeeklyError } from "../core/errors.js";
import { buildReport, type ImportedReport, type Skipped } from "./build-report.js";
import { type Email, readEmails, readInput, STDIN_NAME } from "./read-emails.js";

export interface ImportResult {
  reports: ImportedReport[];
  skipped: Diagnostic[];
  problems: Diagnostic[];
}

export async function importAll(
  cwd: string,
  files: string[],
  config: Config,
  stdin: AsyncIterable<Uint8Array>,
): Promise<ImportResult> {
  const result: ImportResult = { reports: [], skipped: [], problems: [] };
  const build = (email: Email | WeeklyError): ImportedReport | Skipped | WeeklyError => {
    if (email instanceof WeeklyError) return email;
    try {
      return buildReport(email, config);
    } catch (e) {
      if (e instanceof WeeklyError) return e;
      throw e;
    }
  };
  for (const file of files) {
    try {
      const buf = await readInput(file, resolve(cwd, file), stdin);
      for (const r of await readEmails(buf, file === "-" ? STDIN_NAME : file, build)) {
        if (r instanceof WeeklyError) result.problems.push(...r.diagnostics);
        else if ("skipped" in r) result.skipped.push(r.skipped);
        else result.reports.push(r);
      }
    } catch (e) {
      if (!(e instanceof WeeklyError)) throw e;
      result.problems.push(...e.diagnostics);
    }
  }
  return result;
}
