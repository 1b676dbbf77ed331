// The team's period, and buildTeamModel(): pure, like buildModel for one report.
import type { Config } from "../config/schema.js";
import type { JiraFacts } from "../jira/types.js";
import { keysOf } from "../model/entry.js";
import { addDays, weekEndingFor, type Weekday } from "../report/week.js";
import { attentionOf, patchesAndCalendar } from "./attention.js";
import type { MemberWeeks } from "./gather.js";
import { TEAM_FORMAT, type TeamModel } from "./model.js";
import { rollupSections } from "./rollup.js";
import type { Team } from "./schema.js";

/** The week-ending dates from `since`'s week to `until`'s, oldest first. */
export function weeksOf(since: string, until: string, endsOn: Weekday): string[] {
  const out: string[] = [];
  for (let w = weekEndingFor(since, endsOn); w <= weekEndingFor(until, endsOn); w = addDays(w, 7)) out.push(w);
  return out;
}

/** Every ticket key the members reported in the period, each once. */
export function teamKeys(members: readonly MemberWeeks[], weeks: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const { weeks: reports } of members)
    for (const w of weeks)
      for (const s of reports.get(w)?.sections ?? []) for (const e of s.entries) for (const k of keysOf(e)) keys.add(k);
  return [...keys];
}

export interface TeamModelOptions {
  config: Config;
  facts: JiraFacts;
  site?: string;
  /** The period's weeks, oldest first. */
  weeks: string[];
}

export function buildTeamModel(team: Team, members: readonly MemberWeeks[], opts: TeamModelOptions): TeamModel {
  const { weeks } = opts;
  const until = weeks.at(-1)!;
  const shown = team.fold === "latest-first" ? [...weeks].reverse() : weeks;
  const inPeriod = (m: MemberWeeks) => weeks.some((w) => m.weeks.has(w));
  const subject = team.subject.replaceAll("{team}", team.team).replaceAll("{week_ending}", until);
  const mail = { from: team.from ?? null, to: team.to ?? [], cc: team.cc ?? [], bcc: [], reply_to: [] };
  const header = [
    `From: ${mail.from ?? ""}`,
    `To: ${mail.to.join(", ")}`,
    ...(mail.cc.length ? [`Cc: ${mail.cc.join(", ")}`] : []),
  ];
  return {
    format: TEAM_FORMAT,
    team: team.team,
    since: addDays(weeks[0]!, -6),
    until,
    weeks: shown,
    single_week: weeks.length === 1,
    subject,
    mail,
    header_lines: [...header, `Subject: ${subject}`],
    reported: {
      count: members.filter(inPeriod).length,
      of: members.length,
      names: members.filter(inPeriod).map((m) => m.member.name),
      missing: members.filter((m) => !inPeriod(m)).map((m) => m.member.name),
    },
    attention: attentionOf(members, { facts: opts.facts, weeks, noProgressWeeks: team.no_progress_weeks }),
    sections: rollupSections(members, { config: opts.config, facts: opts.facts, site: opts.site, weeks: shown }),
    ...patchesAndCalendar(members, weeks),
    bullet: "* ",
    site: opts.site ?? null,
  };
}
