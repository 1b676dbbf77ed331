// Which file each imported week goes to: one file per week (of two emails for the same week the
// later one wins, a corrected report sent again, and the other is named); files that exist are
// problems unless --force.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import { displayPath } from "../io/paths.js";
import type { ImportedReport } from "./build-report.js";

export interface PlannedFile {
  path: string;
  display: string;
  imported: ImportedReport;
}

export function planFiles(cwd: string, imported: ImportedReport[], dir: string, force: boolean) {
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
    if (existsSync(path) && !force)
      problems.push({ severity: "error", file: display, message: "already exists; use --force to overwrite it" });
    planned.push({ path, display, imported: r });
  }
  return { planned, notes, problems };
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
