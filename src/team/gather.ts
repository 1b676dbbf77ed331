// Every member's reports for the weeks of a period (and the few weeks before it that the
// "no progress for N weeks" count needs): from their folder of YYYY-MM-DD.yaml files, or from an
// mbox of the list through the importer, without writing files. Only the files of those weeks
// are read, so the cost follows the period, not the history. A member's missing folder or
// unreadable file is a warning naming them, never the end of the roll-up.
import { resolve } from "node:path";
import type { Config } from "../config/schema.js";
import { type Diagnostic, warning } from "../core/diagnostic.js";
import { importAll } from "../import/import-all.js";
import { displayPath } from "../io/paths.js";
import { keysOf } from "../model/entry.js";
import { listReports, type ReportFile } from "../report/files.js";
import { loadReport } from "../report/load.js";
import type { Report } from "../report/schema.js";
import { addDays } from "../report/week.js";
import type { LoadedTeam } from "./load.js";
import type { Member } from "./schema.js";

export interface MemberWeeks {
  member: Member;
  /** By week-ending date: the member's report of that week. */
  weeks: Map<string, Report>;
}

export interface Gathered {
  members: MemberWeeks[];
  warnings: Diagnostic[];
}

export interface GatherOptions {
  cwd: string;
  config: Config;
  /** The period's weeks, oldest first. */
  weeks: readonly string[];
  /** Weeks before the period the "no progress" count may look back on (read only where needed). */
  lookBack: number;
  /** Members read so far, of all. */
  progress?: (done: number, total: number) => void;
}

export async function gatherReports(loaded: LoadedTeam, opts: GatherOptions): Promise<Gathered> {
  const wanted = new Set(opts.weeks);
  const earlier = Array.from({ length: opts.lookBack }, (_, k) => addDays(opts.weeks[0]!, -7 * (k + 1)));
  const warnings: Diagnostic[] = [];
  const mboxes = new Map<string, Promise<Map<string, Map<string, Report>>>>();
  const members: MemberWeeks[] = [];
  for (const member of loaded.team.members) {
    const weeks = new Map<string, Report>();
    if (member.reports) {
      const folder = resolve(loaded.dir, member.reports);
      const files = fromFolder(folder, member, wanted, weeks, warnings, opts.cwd);
      if (files) readHistory(files, member, weeks, earlier, warnings, opts.cwd);
    }
    if (member.mbox) {
      const file = resolve(loaded.dir, member.mbox);
      if (!mboxes.has(file)) mboxes.set(file, fromMbox(file, new Set([...earlier, ...wanted]), opts, warnings));
      const bySender = await mboxes.get(file)!;
      for (const [week, report] of bySender.get(member.email!.toLowerCase()) ?? [])
        if (!weeks.has(week)) weeks.set(week, report);
    }
    members.push({ member, weeks });
    opts.progress?.(members.length, loaded.team.members.length);
  }
  return { members, warnings };
}

/** The member's files of the wanted weeks, read into `into`; all their files, for reading more later. */
function fromFolder(
  folder: string,
  member: Member,
  wanted: ReadonlySet<string>,
  into: Map<string, Report>,
  warnings: Diagnostic[],
  cwd: string,
): ReportFile[] | undefined {
  const files = listReports(folder);
  if (files.length === 0) {
    warnings.push(warning(`${member.name}: no report files in ${displayPath(cwd, folder)} (reports: in team.yaml)`));
    return undefined;
  }
  readFiles(files, member, wanted, into, warnings, cwd);
  return files;
}

function readFiles(
  files: readonly ReportFile[],
  member: Member,
  wanted: ReadonlySet<string>,
  into: Map<string, Report>,
  warnings: Diagnostic[],
  cwd: string,
): void {
  for (const f of files.filter((f) => wanted.has(f.weekEnding))) {
    const loaded = loadReport(f.path);
    const problem = loaded.problems.find((p) => p.severity === "error");
    if (loaded.report && !problem) into.set(f.weekEnding, loaded.report);
    else {
      const where = `${displayPath(cwd, f.path)}${problem?.line ? `:${problem.line}` : ""}`;
      warnings.push(warning(`${member.name}: ${where} is left out: ${problem?.message ?? "it does not load"}`));
    }
  }
}

/**
 * The weeks before the period that the "no progress for N weeks" count needs: one at a time, and
 * only while some ticket of the latest week still had no progress the week before.
 */
function readHistory(
  files: readonly ReportFile[],
  member: Member,
  weeks: Map<string, Report>,
  earlier: readonly string[],
  warnings: Diagnostic[],
  cwd: string,
): void {
  const latest = [...weeks.keys()].sort().at(-1);
  if (!latest) return;
  const stuck = (r: Report | undefined) =>
    new Set((r?.sections ?? []).flatMap((s) => s.entries.filter((e) => e.progress !== undefined).flatMap(keysOf)));
  let open = stuck(weeks.get(latest));
  for (const week of earlier) {
    if (open.size === 0) return;
    readFiles(files, member, new Set([week]), weeks, warnings, cwd);
    const before = stuck(weeks.get(week));
    open = new Set([...open].filter((k) => before.has(k)));
  }
}

/** An mbox's weekly reports of the wanted weeks, by sender address, then by week. */
async function fromMbox(file: string, wanted: ReadonlySet<string>, opts: GatherOptions, warnings: Diagnostic[]) {
  const out = new Map<string, Map<string, Report>>();
  const shown = displayPath(opts.cwd, file);
  const result = await importAll(opts.cwd, [shown], opts.config, (async function* () {})(), (r) =>
    wanted.has(r.weekEnding) && r.sender ? { sender: r.sender, week: r.weekEnding, report: r.checked } : null,
  );
  for (const p of result.problems)
    warnings.push(warning(`${p.file ?? shown}${p.line ? `:${p.line}` : ""}: ${p.message}`));
  for (const r of result.reports) {
    if (!r) continue;
    const weeks = out.get(r.sender) ?? new Map<string, Report>();
    weeks.set(r.week, r.report); // of two mails for one week, the later one (a correction)
    out.set(r.sender, weeks);
  }
  return out;
}
