// Which file each imported week goes to, and what stops the import: one file per week (of two
// emails for the same week the later one wins, a corrected report sent again, and the other is
// named); a file that exists with other content needs --force; a report file that `check` would
// refuse (too large, not loading back) is never written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import { displayPath } from "../io/paths.js";
import { MAX_TEXT_BYTES } from "../io/read-text.js";
import { type StringifyOptions, stringifyReport } from "../report/write.js";
import type { EmailSource, ImportedReport } from "./imported.js";

/** An imported report as the import keeps it until the files are written: its text, and what was said. */
export interface PreparedReport {
  source: EmailSource;
  weekEnding: string;
  sender?: string;
  notices: Diagnostic[];
  /** The YAML text of the report file. */
  text: string;
  sections: number;
  entries: number;
}

/** The report as its file's text; `said` are the notices to keep with it (the import's and the round trip's). */
export function prepareReport(r: ImportedReport, said: Diagnostic[], yaml: StringifyOptions): PreparedReport {
  return {
    source: r.source,
    weekEnding: r.weekEnding,
    ...(r.sender ? { sender: r.sender } : {}),
    notices: said,
    text: stringifyReport(r.report, yaml),
    sections: r.checked.sections.length,
    entries: r.checked.sections.reduce((n, s) => n + s.entries.length, 0),
  };
}

export interface PlannedFile {
  path: string;
  display: string;
  imported: PreparedReport;
}

export interface PlanOptions {
  /** Where the YYYY-MM-DD.yaml files go. */
  dir: string;
  force: boolean;
  /** The config's sender: their reports stay in `dir` when others' go to folders of their own. */
  from?: string | undefined;
}

export function planFiles(cwd: string, imported: PreparedReport[], opts: PlanOptions) {
  const { dir, force } = opts;
  const notes: Diagnostic[] = [];
  const problems: Diagnostic[] = [];
  // A list archive holds everyone's reports: each sender's go to a folder of their own.
  const senders = [...new Set(imported.map((r) => r.sender ?? ""))];
  const folderOf = senders.length > 1 ? senderFolders(senders) : undefined;
  if (folderOf) {
    const list = [...folderOf.values()].map((f) => `${f}/`).join(", ");
    notes.push({
      severity: "info",
      message: `reports from ${senders.length} senders: each goes to its sender's folder (${list})`,
    });
  }
  const byWeek = new Map<string, PreparedReport>();
  for (const r of imported) {
    const folder = folderOf?.get(r.sender ?? "");
    const week = folder ? join(folder, r.weekEnding) : r.weekEnding;
    const earlier = byWeek.get(week);
    if (earlier) {
      const later = `the email at ${r.source.file}:${r.source.line}`;
      const message = `skipped ${earlier.source.name}: ${later} is for the same week (${r.weekEnding}) and comes later`;
      notes.push({ severity: "info", file: earlier.source.file, line: earlier.source.line, message });
    }
    byWeek.set(week, r);
  }
  const planned: PlannedFile[] = [];
  for (const [week, r] of byWeek) {
    const path = join(dir, `${week}.yaml`);
    const display = displayPath(cwd, path);
    const { text } = r;
    problems.push(...refusals(r, text, display));
    const differs = existsSync(path) && !readFileSync(path).equals(Buffer.from(text, "utf8"));
    if (differs && !force)
      problems.push({ severity: "error", file: display, message: "already exists; use --force to overwrite it" });
    planned.push({ path, display, imported: r });
  }
  return { planned, notes, problems };
}

const addressOf = (from: string | undefined) => (from?.match(/<([^>]+)>/)?.[1] ?? from)?.toLowerCase();

/** A folder name per sender: the address's local part ("jane.doe"), made unique; "unknown" without one. */
function senderFolders(senders: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of senders) {
    const base =
      s
        .replace(/@.*$/, "")
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^[.-]+/, "") || "unknown";
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    out.set(s, name);
  }
  return out;
}

/** A report file the importer must not write: larger than any command reads. */
function refusals(r: PreparedReport, text: string, display: string): Diagnostic[] {
  const at = { severity: "error" as const, file: r.source.file, line: r.source.line };
  // A UTF-16 unit is at most 3 bytes of UTF-8: most texts need no count (it would flatten them).
  const bytes = text.length * 3 <= MAX_TEXT_BYTES ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    const message =
      `${r.source.name} would make ${display} ${mib(bytes)}, ` + `over the ${mib(MAX_TEXT_BYTES)} a report file may be`;
    return [{ ...at, message }];
  }
  // The report itself passed the schema (finish); that its YAML loads back the same is the writer's
  // promise, held by the tests: parsing every file back would cost more than the import itself.
  return [];
}

/** One line per planned file, for --dry-run. */
export function describePlan(planned: readonly PlannedFile[]): string {
  return planned
    .map(({ display, imported: r }) => {
      const { sections, entries } = r;
      const counts = `${sections} section${sections === 1 ? "" : "s"}, ${entries} entr${entries === 1 ? "y" : "ies"}`;
      return `${display}  ${r.weekEnding}  ${counts}  (from ${r.source.file}:${r.source.line}; dry run, not written)\n`;
    })
    .join("");
}
