// What `weekly doctor` looks at, one finding each: ok, a warning or a problem, with the fix. It
// reads and asks (Jira's /myself, the SMTP server's greeting and login) and never writes, sends
// or prints a secret.
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { findConfig, type LoadedConfig, loadConfig } from "../config/load.js";
import { WeeklyError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { checkReport } from "../report/check.js";
import { listReports } from "../report/files.js";
import { dateIn, weekEndingFor } from "../report/week.js";

export interface Finding {
  status: "ok" | "warning" | "problem";
  what: string;
  text: string;
  fix?: string;
}

export const ok = (what: string, text: string): Finding => ({ status: "ok", what, text });
export const warn = (what: string, text: string, fix?: string): Finding => ({ status: "warning", what, text, fix });
export const problem = (what: string, text: string, fix?: string): Finding => ({ status: "problem", what, text, fix });

/** Which config is used and why, and whether it loads. */
export function configFindings(io: Io, explicit?: string): { findings: Finding[]; loaded?: LoadedConfig } {
  let found: ReturnType<typeof findConfig>;
  try {
    found = findConfig({ cwd: io.cwd, explicit, env: io.env });
  } catch (e) {
    if (e instanceof WeeklyError) return { findings: [problem("config", e.message)] };
    throw e;
  }
  const why = explicit
    ? "named with --config"
    : found.file?.startsWith(resolve(io.cwd))
      ? "found in this folder"
      : found.file
        ? "found above this folder, or your own in ~/.config/weekly-report"
        : undefined;
  try {
    const loaded = loadConfig({ cwd: io.cwd, explicit, env: io.env });
    if (!found.file) {
      const fix = "weekly init writes one: your name, recipients, Jira site";
      return { findings: [warn("config", "none found: the defaults are used", fix)], loaded };
    }
    return { findings: [ok("config", `${displayPath(io.cwd, found.file)} (${why})`)], loaded };
  } catch (e) {
    if (!(e instanceof WeeklyError)) throw e;
    const shown = found.file ? displayPath(io.cwd, found.file) : "weekly.config.yaml";
    const lines = e.diagnostics.map((d) => `${d.line ? `line ${d.line}: ` : ""}${d.message}`).join("; ");
    return { findings: [problem("config", `${shown}: ${lines}`, `fix it, then weekly doctor again`)] };
  }
}

/** The reports folder, this week's file and whether it checks; the clock that decides the week. */
export function reportFindings(io: Io, loaded: LoadedConfig): Finding[] {
  const { config } = loaded;
  const out: Finding[] = [];
  const zone = config.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = dateIn(io.now(), config.timezone);
  const week = weekEndingFor(today, config.week_ends_on);
  out.push(
    ok(
      "week",
      `today is ${today} in ${zone}${config.timezone ? "" : " (the system's)"}; ` +
        `weeks end on ${config.week_ends_on}s: this one on ${week}`,
    ),
  );
  const template = config.template && resolve(loaded.dir, config.template);
  if (template && !existsSync(template))
    out.push(
      problem(
        "template",
        `${displayPath(io.cwd, template)} (template:) does not exist`,
        "fix template: in weekly.config.yaml, or weekly templates export DIR",
      ),
    );
  else
    out.push(
      ok("template", template ? `${displayPath(io.cwd, template)} (template:)` : "built-in (templates/report.txt.hbs)"),
    );
  const folder = join(loaded.dir, config.reports_dir);
  if (!existsSync(folder)) {
    out.push(
      warn("reports", `${displayPath(io.cwd, folder)} does not exist yet`, "weekly new starts this week's file there"),
    );
    return out;
  }
  const files = listReports(folder);
  const current = files.find((f) => f.weekEnding === week);
  out.push(
    ok("reports", `${displayPath(io.cwd, folder)}: ${files.length} report file${files.length === 1 ? "" : "s"}`),
  );
  if (!current) out.push(warn("this week", `no ${week}.yaml yet`, "weekly new"));
  else {
    const errors = checkReport(io.cwd, current.path, loaded.file, io.env).problems.filter(
      (p) => p.severity === "error",
    );
    const shown = displayPath(io.cwd, current.path);
    out.push(
      errors.length
        ? problem(
            "this week",
            `${shown}: ${errors.length} error${errors.length === 1 ? "" : "s"}`,
            `weekly check ${shown}`,
          )
        : ok("this week", `${shown} checks`),
    );
  }
  return out;
}

/** How old a file is, in words ("3 minutes", "2 days"); undefined when there is none. */
export function ageOf(file: string, now: Date): string | undefined {
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const minutes = Math.max(0, Math.round((now.getTime() - mtime) / 60_000));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
