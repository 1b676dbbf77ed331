// weekly status [FILE]: the report's tickets as a table, with what needs a look: done in Jira but
// still reported, no progress for weeks in a row (from the earlier report files), unknown keys.
import { basename, dirname, resolve } from "node:path";
import { errorsOf } from "../core/diagnostic.js";
import { ProblemsFound } from "../core/errors.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { enrichReport } from "../jira/enrich.js";
import type { JiraIssueFacts } from "../jira/types.js";
import { checkReport, isValid } from "../report/check.js";
import { defaultReport, listReports } from "../report/files.js";
import type { Report } from "../report/schema.js";
import { ticketsOf } from "../report/tickets.js";

export interface StatusOptions {
  file?: string;
  config?: string;
  offline?: boolean;
  refresh?: boolean;
  jiraUrl?: string;
}

export async function statusCommand(io: Io, opts: StatusOptions): Promise<void> {
  const file = resolve(io.cwd, opts.file ?? defaultReport(io, opts.config, "status"));
  const checked = checkReport(io.cwd, file, opts.config, io.env);
  const errors = errorsOf(checked.problems);
  printDiagnostics(io, errors);
  if (!isValid(checked)) throw new ProblemsFound(errors.length);
  const report = checked.report;
  const enriched = await enrichReport(io, checked, {
    offline: opts.offline,
    refresh: opts.refresh,
    jiraUrl: opts.jiraUrl,
    unknownIs: "warning",
  });
  printDiagnostics(
    io,
    enriched.problems.filter((p) => p.file === undefined),
  );
  if (!enriched.asked)
    io.stderr.write("note: Jira is not asked (no jira.url / JIRA_URL, or no credentials); its columns are empty\n");
  const unknown = new Set(enriched.unknown);
  const earlier = earlierReports(io.cwd, file, checked.weekEnding, opts.config);
  if (earlier.skipped.length) {
    io.stderr.write(
      `warning: not counted for weeks without progress (invalid): ${earlier.skipped.join(", ")}; see weekly check\n`,
    );
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
function earlierReports(cwd: string, file: string, weekEnding: string, config?: string) {
  const reports: Report[] = [];
  const skipped: string[] = [];
  for (const r of listReports(dirname(file))
    .filter((r) => r.weekEnding < weekEnding)
    .reverse()) {
    const { report } = checkReport(cwd, r.path, config);
    if (report) reports.push(report);
    else skipped.push(basename(r.path));
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
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
