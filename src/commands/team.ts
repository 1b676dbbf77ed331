// weekly team [--week D | --since D --until D]: the lead's draft from the members' own reports:
// team.yaml → every member's reports of the period → Jira facts for all their tickets at once →
// the team model → text, Markdown, an eml or the model itself.
import { resolve } from "node:path";
import { loadConfig } from "../config/load.js";
import { isRealDate } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { progressLine } from "../io/progress.js";
import { setupFor, siteUrl } from "../jira/setup.js";
import type { JiraFacts } from "../jira/types.js";
import { composeEml } from "../render/eml.js";
import { renderTeam } from "../render/render.js";
import { addDays, dateIn, weekEndingFor } from "../report/week.js";
import { buildTeamModel, teamKeys, weeksOf } from "../team/build.js";
import { gatherReports } from "../team/gather.js";
import { findTeam, loadTeam } from "../team/load.js";

export interface TeamOptions {
  team?: string;
  config?: string;
  week?: string;
  since?: string;
  until?: string;
  format?: "text" | "md" | "eml";
  context?: boolean;
  template?: string;
  offline?: boolean;
  refresh?: boolean;
  jiraUrl?: string;
  quiet?: boolean;
}

export async function teamCommand(io: Io, opts: TeamOptions): Promise<void> {
  checkDates(opts); // a mistyped flag says so first, wherever the team file is
  const file = findTeam(io.cwd, opts.team);
  const loaded = loadTeam(file, displayPath(io.cwd, file));
  const configLoaded = loadConfig({ cwd: io.cwd, explicit: opts.config, near: [loaded.dir], env: io.env });
  const { config } = configLoaded;
  const weeks = periodOf(io, opts, config.week_ends_on, config.timezone);
  const lookBack = loaded.team.no_progress_weeks - 1;
  const shown = progressLine(io, "reading the members' reports", opts.quiet);
  const progress = (done: number, total: number) => shown.update(done, total);
  const gathered = await gatherReports(loaded, { cwd: io.cwd, config, weeks, lookBack, progress });
  shown.end();
  printDiagnostics(io, gathered.warnings);
  const facts = await factsFor(io, configLoaded, teamKeys(gathered.members, weeks), opts);
  const site = siteUrl(config.jira, io.env, opts.jiraUrl);
  const model = buildTeamModel(loaded.team, gathered.members, { config, facts, weeks, ...(site ? { site } : {}) });
  if (opts.context) return void io.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  const format = opts.format ?? "text";
  const own = opts.template ?? (loaded.team.template && resolve(loaded.dir, loaded.team.template));
  const choice = own
    ? { file: resolve(io.cwd, own) }
    : { format: format === "md" ? ("md" as const) : ("text" as const) };
  if (format !== "eml") return void io.stdout.write(await renderTeam(model, choice));
  const body = await renderTeam({ ...model, header_lines: [] }, choice);
  io.stdout.write(await composeEml(model, body.replace(/^\n/, ""), { date: io.now(), timeZone: config.timezone }));
}

/** The period's weeks: --week, --since/--until, else the week that ended last (today, if it ends today). */
/** --week, --since, --until: real dates, and not --week with the others. */
function checkDates(opts: TeamOptions): void {
  for (const [flag, value] of [
    ["--week", opts.week],
    ["--since", opts.since],
    ["--until", opts.until],
  ] as const) {
    if (value !== undefined && !isRealDate(value))
      throw new UsageError(`${flag} ${value}: expected a date like 2022-11-11`);
  }
  if (opts.week && (opts.since || opts.until))
    throw new UsageError("--week goes alone, or --since and --until together");
}

function periodOf(io: Io, opts: TeamOptions, endsOn: Parameters<typeof weekEndingFor>[1], tz?: string): string[] {
  const today = dateIn(io.now(), tz);
  const ended = weekEndingFor(today, endsOn) > today ? addDays(weekEndingFor(today, endsOn), -7) : today;
  if (opts.week) return [weekEndingFor(opts.week, endsOn)];
  const until = opts.until ?? ended;
  const since = opts.since ?? until;
  if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return weeksOf(since, until, endsOn);
}

/** Jira facts for every ticket of the team's period: one request per 100, through the cache. */
async function factsFor(io: Io, loaded: ReturnType<typeof loadConfig>, keys: string[], opts: TeamOptions) {
  const setup = setupFor(io, loaded, opts.jiraUrl);
  if (!setup || keys.length === 0 || (!setup.credentials && !opts.offline)) return new Map() as JiraFacts;
  const { fetchJiraFacts } = await import("../jira/facts.js");
  const result = await fetchJiraFacts(keys, setup, { offline: opts.offline, refresh: opts.refresh });
  printDiagnostics(io, [...setup.notices, ...result.warnings]);
  return result.facts;
}
