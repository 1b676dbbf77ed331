// The report files of a folder: YYYY-MM-DD.yaml, one per week. Which one a command takes when
// none is named (this week's), and the weeks before a given one.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../core/errors.js";
import { loadConfig } from "../config/load.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { dateFromFileName, dateIn, weekEndingFor } from "./week.js";

export interface ReportFile {
  weekEnding: string;
  path: string;
}

/** The report files of a folder, oldest first; none when the folder is missing or unreadable. */
export function listReports(folder: string): ReportFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: ReportFile[] = [];
  for (const name of names) {
    const weekEnding = dateFromFileName(name);
    if (weekEnding) out.push({ weekEnding, path: join(folder, name) });
  }
  return out.sort((a, b) => (a.weekEnding < b.weekEnding ? -1 : a.weekEnding > b.weekEnding ? 1 : 0));
}

/** The newest report dated before `weekEnding`. */
export const latestBefore = (folder: string, weekEnding: string): ReportFile | undefined =>
  listReports(folder)
    .filter((r) => r.weekEnding < weekEnding)
    .at(-1);

/**
 * The report a command takes when none is named: this week's (today in the configured time
 * zone), else the newest before it; a week started ahead of time is not taken. Named on stderr.
 */
export function defaultReport(io: Io, configPath: string | undefined, command: string): string {
  const { config, dir, file } = loadConfig({ cwd: io.cwd, explicit: configPath, env: io.env });
  const folder = join(dir, config.reports_dir);
  const thisWeek = weekEndingFor(dateIn(io.now(), config.timezone), config.week_ends_on);
  const chosen = listReports(folder)
    .filter((r) => r.weekEnding <= thisWeek)
    .at(-1);
  if (!chosen) {
    const where = `${displayPath(io.cwd, folder)}${file ? ` (reports_dir of ${displayPath(io.cwd, file)})` : ""}`;
    throw new UserError(
      `no report file given, and no YYYY-MM-DD.yaml up to this week (${thisWeek}) in ${where}; ` +
        `name one: weekly ${command} FILE`,
    );
  }
  io.stderr.write(`${displayPath(io.cwd, chosen.path)}\n`);
  return chosen.path;
}
