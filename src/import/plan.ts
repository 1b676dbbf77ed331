// Which file each imported week goes to, and what stops the import: one file per week (of two
// emails for the same week the later one wins, a corrected report sent again, and the other is
// named); a file that exists with other content needs --force; a report file that `check` would
// refuse (too large, not loading back) is never written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import { displayPath } from "../io/paths.js";
import { MAX_TEXT_BYTES } from "../io/read-text.js";
import { parseReport } from "../report/load.js";
import { type StringifyOptions, stringifyReport } from "../report/write.js";
import type { ImportedReport } from "./build-report.js";

export interface PlannedFile {
  path: string;
  display: string;
  imported: ImportedReport;
  /** The YAML text of the report file. */
  text: string;
}

export function planFiles(
  cwd: string,
  imported: ImportedReport[],
  dir: string,
  force: boolean,
  yaml: StringifyOptions,
) {
  const notes: Diagnostic[] = [];
  const problems: Diagnostic[] = [];
  const byWeek = new Map<string, ImportedReport>();
  for (const r of imported) {
    const earlier = byWeek.get(r.weekEnding);
    if (earlier) {
      const later = `the email at ${r.source.file}:${r.source.line}`;
      const message = `skipped ${earlier.source.name}: ${later} is for the same week (${r.weekEnding}) and comes later`;
      notes.push({ severity: "info", file: earlier.source.file, line: earlier.source.line, message });
    }
    byWeek.set(r.weekEnding, r);
  }
  const planned: PlannedFile[] = [];
  for (const r of byWeek.values()) {
    const path = join(dir, `${r.weekEnding}.yaml`);
    const display = displayPath(cwd, path);
    const text = stringifyReport(r.report, yaml);
    problems.push(...refusals(r, text, display));
    const differs = existsSync(path) && !readFileSync(path).equals(Buffer.from(text, "utf8"));
    if (differs && !force)
      problems.push({ severity: "error", file: display, message: "already exists; use --force to overwrite it" });
    planned.push({ path, display, imported: r, text });
  }
  return { planned, notes, problems };
}

/** A report file the importer must not write: larger than any command reads, or not loading back. */
function refusals(r: ImportedReport, text: string, display: string): Diagnostic[] {
  const at = { severity: "error" as const, file: r.source.file, line: r.source.line };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    const message =
      `${r.source.name} would make ${display} ${mib(bytes)}, ` + `over the ${mib(MAX_TEXT_BYTES)} a report file may be`;
    return [{ ...at, message }];
  }
  const back = parseReport(text, display);
  const error = back.problems.find((p) => p.severity === "error");
  if (back.report && !error) return [];
  return [
    { ...at, message: `${r.source.name} does not give a valid report file (${error?.message ?? "it does not load"})` },
  ];
}

/** One line per planned file, for --dry-run. */
export function describePlan(planned: readonly PlannedFile[]): string {
  return planned
    .map(({ display, imported: r }) => {
      const sections = r.report.sections.length;
      const entries = r.report.sections.reduce((n, s) => n + (s.entries?.length ?? 0), 0);
      const counts = `${sections} section${sections === 1 ? "" : "s"}, ${entries} entr${entries === 1 ? "y" : "ies"}`;
      return `${display}  ${r.weekEnding}  ${counts}  (from ${r.source.file}:${r.source.line}; dry run, not written)\n`;
    })
    .join("");
}
