// weekly status [FILE]: the report's tickets as a table, with what needs a look: done in Jira but
// still reported, no progress for weeks in a row (from the earlier report files), unknown keys.
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ProblemsFound, UsageError } from "../errors.js";
import { printProblems, type Io } from "../io/output.js";
import type { JiraIssueFacts } from "../jira/types.js";
import type { Report } from "../report/schema.js";
import { ticketsOf } from "../report/tickets.js";
import { dateFromFileName } from "../report/week.js";
import { latestReport, readReport } from "./common.js";
import { enrichReport } from "./enrich.js";

export interface StatusOptions {
  file?: string;
  config?: string;
  offline?: boolean;
  refresh?: boolean;
}

export async function statusCommand(io: Io, opts: StatusOptions): Promise<void> {
  if (opts.offline && opts.refresh) throw new UsageError("--offline and --refresh do not go together");
  const file = resolve(io.cwd, opts.file ?? latestReport(io, opts.config, "status"));
  const checked = readReport(io, file, opts.config);
  const errors = checked.problems.filter((p) => p.severity === "error");
  printProblems(io, errors);
  if (!checked.report || !checked.weekEnding) throw new ProblemsFound(errors.length);
  const report = checked.report;
  const enriched = await enrichReport(io, { ...checked, report }, { offline: opts.offline, refresh: opts.refresh, unknownIs: "warning" });
  if (!enriched.asked) io.stderr.write("note: Jira is not asked (no jira.url / JIRA_URL, or no credentials); its columns are empty\n");
  const unknown = new Set(enriched.unknown);
  const earlier = earlierReports(io, file, checked.weekEnding, opts.config);
  if (earlier.skipped.length) {
    io.stderr.write(`warning: not counted for weeks without progress (invalid): ${earlier.skipped.join(", ")}; see weekly check\n`);
  }

  const rows = ticketsOf(report).map(({ key, entry }) => {
    const f: JiraIssueFacts | undefined = enriched.facts.get(key);
    const flags: string[] = [];
    if (unknown.has(key)) flags.push("unknown key: a typo?");
    if (f && f.key.toUpperCase() !== key) flags.push(`moved to ${f.key}`);
    if (f?.statusCategory === "done") flags.push("done in Jira, still reported");
    if (entry.progress !== undefined) {
      const weeks = 1 + weeksWithoutProgress(key, earlier.reports);
      flags.push(weeks === 1 ? "no progress this week" : `no progress ${weeks} weeks in a row`);
    }
    return [key, f?.status || "-", f?.assignee || "-", f?.updated?.slice(0, 10) || "-", flags.join("; ")];
  });
  io.stdout.write(table([["TICKET", "JIRA STATUS", "ASSIGNEE", "UPDATED", "FLAGS"], ...rows]));
}

/** The valid report files of the same folder before this week, newest first, and the invalid ones. */
function earlierReports(io: Io, file: string, weekEnding: string, config?: string) {
  const dir = dirname(file);
  const names = readdirSync(dir).filter((n) => (dateFromFileName(n) ?? "9999") < weekEnding).sort().reverse();
  const reports: Report[] = [];
  const skipped: string[] = [];
  for (const n of names) {
    const { report } = readReport(io, join(dir, n), config);
    if (report) reports.push(report);
    else skipped.push(n);
  }
  return { reports, skipped };
}

/** How many weeks before this one in a row reported the ticket with no progress. */
function weeksWithoutProgress(key: string, earlier: Report[]): number {
  let n = 0;
  for (const r of earlier) {
    const entry = r.sections.flatMap((s) => s.entries).find((e) => e.ticket === key);
    if (!entry || entry.progress === undefined) break;
    n++;
  }
  return n;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd()).join("\n") + "\n";
}
