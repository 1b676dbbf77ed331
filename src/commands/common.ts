// The read → validate steps that several commands share: config near the file, report, lint.
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { UserError } from "../errors.js";
import type { Io } from "../io/output.js";
import { lintReport } from "../report/lint.js";
import { loadReport } from "../report/load.js";
import type { Problem } from "../report/problems.js";
import type { Report } from "../report/schema.js";
import type { ParsedYaml } from "../io/yaml.js";
import { dateFromFileName, dateIn, weekEndingFor } from "../report/week.js";

export interface CheckedReport {
  file: string;
  loaded: LoadedConfig;
  /** Set when the file is valid (it may still have warnings). */
  report?: Report;
  weekEnding?: string;
  problems: Problem[];
  locate: ParsedYaml["locate"];
}

/** Load and check one report file; `display` is how the file is named in messages. */
export function readReport(io: Io, file: string, configPath?: string): CheckedReport {
  const abs = resolve(io.cwd, file);
  const display = relative(io.cwd, abs).startsWith("..") ? abs : relative(io.cwd, abs) || file;
  const loaded = loadConfig({ cwd: io.cwd, explicit: configPath, near: [dirname(abs)] });
  const result = loadReport(abs);
  const fix = (p: Problem) => ({ ...p, file: display });
  if (!result.report) return { file: display, loaded, locate: result.locate, problems: byPosition(result.problems.map(fix)) };
  const lint = lintReport(result.report, { file: abs, locate: result.locate, weekEndsOn: loaded.config.week_ends_on });
  return {
    file: display,
    loaded,
    report: result.report,
    locate: result.locate,
    weekEnding: result.report.week_ending ?? dateFromFileName(abs),
    problems: byPosition([...result.problems, ...lint].map(fix)),
  };
}

const byPosition = (ps: Problem[]) => ps.sort((a, b) => a.line - b.line || a.col - b.col);

/**
 * The report a command takes when none is named: this week's (today in the configured time
 * zone), else the newest before it; a week started ahead of time is not taken. Named on stderr.
 */
export function latestReport(io: Io, configPath: string | undefined, command: string): string {
  const { config, dir, file } = loadConfig({ cwd: io.cwd, explicit: configPath });
  const folder = join(dir, config.reports_dir);
  const thisWeek = weekEndingFor(dateIn(io.now(), config.timezone), config.week_ends_on);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => (dateFromFileName(n) ?? "9999") <= thisWeek);
  } catch {
    names = [];
  }
  if (names.length === 0) {
    const where = file ? `${relative(io.cwd, folder) || "."} (reports_dir of ${relative(io.cwd, file)})` : `${relative(io.cwd, folder) || "."}`;
    throw new UserError(`no report file given, and no YYYY-MM-DD.yaml up to this week (${thisWeek}) in ${where}; name one: weekly ${command} FILE`);
  }
  const chosen = join(folder, names.sort().at(-1)!);
  io.stderr.write(`${relative(io.cwd, chosen) || chosen}\n`);
  return chosen;
}
