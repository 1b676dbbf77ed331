// What needs the lead's eye (tickets Jira says are done, tickets with no progress for N weeks in
// a row, each member's blockers), everyone's patch status, and the team calendar: every
// member's Travel&Holiday&Event lines with their names, in date order.
import type { JiraFacts } from "../jira/types.js";
import { keysOf } from "../model/entry.js";
import { leadingDate } from "../report/event-dates.js";
import type { Report } from "../report/schema.js";
import { addDays } from "../report/week.js";
import type { MemberWeeks } from "./gather.js";
import type { AttentionModel, TeamModel } from "./model.js";

/** A blocker line that says there is none. */
const NONE = /^(?:[-*]\s*)?(?:none|nothing|n\/a|no issues?|-)\.?$/i;
const BLOCKER_TRAILERS = /^(?:issues|blockers?|risks?|problems)$/i;

export interface AttentionOptions {
  facts: JiraFacts;
  /** The period's weeks, oldest first. */
  weeks: readonly string[];
  noProgressWeeks: number;
}

export function attentionOf(members: readonly MemberWeeks[], opts: AttentionOptions): AttentionModel {
  const last = opts.weeks.at(-1)!;
  const done = new Map<string, AttentionModel["done"][number]>();
  const stalled: AttentionModel["stalled"] = [];
  const blockers: AttentionModel["blockers"] = [];
  for (const { member, weeks } of members) {
    for (const week of opts.weeks) {
      for (const e of entriesOf(weeks.get(week))) {
        for (const key of keysOf(e)) {
          const f = opts.facts.get(key);
          if (f?.statusCategory !== "done") continue;
          const d = done.get(f.key) ?? {
            ticket: f.key,
            summary: f.summary ?? null,
            status: f.status ?? "Done",
            names: [],
          };
          if (!d.names.includes(member.name)) d.names.push(member.name);
          done.set(f.key, d);
        }
      }
    }
    const latest = latestIn(weeks, opts.weeks);
    if (!latest) continue;
    for (const e of entriesOf(latest.report)) {
      if (e.progress === undefined) continue;
      for (const key of keysOf(e)) {
        const n = streak(weeks, key, latest.week);
        if (n >= opts.noProgressWeeks) stalled.push({ ticket: key, name: member.name, weeks: n });
      }
    }
    for (const text of blockerLines(latest.report)) blockers.push({ name: member.name, text });
  }
  const all = [...done.values()];
  return { done: all, stalled, blockers, count: all.length + stalled.length + blockers.length };
}

const entriesOf = (r: Report | undefined) => (r ? r.sections.flatMap((s) => s.entries) : []);

function latestIn(weeks: ReadonlyMap<string, Report>, period: readonly string[]) {
  for (const week of [...period].reverse()) {
    const report = weeks.get(week);
    if (report) return { week, report };
  }
  return undefined;
}

/** Weeks in a row, back from `week`, in which the member reported `key` with no progress. */
function streak(weeks: ReadonlyMap<string, Report>, key: string, week: string): number {
  let n = 0;
  for (let w = week; ; w = addDays(w, -7)) {
    const e = entriesOf(weeks.get(w)).find((e) => keysOf(e).includes(key));
    if (!e || e.progress === undefined) return n;
    n++;
  }
}

function blockerLines(r: Report): string[] {
  const trailers = (r.trailers ?? []).filter((t) => BLOCKER_TRAILERS.test(t.title)).flatMap((t) => t.text.split("\n"));
  return [...(r.issues ?? []), ...trailers].map((t) => t.trim()).filter((t) => t !== "" && !NONE.test(t));
}

/** Each member's latest patch status of the period, and every event line of the period, in date order. */
export function patchesAndCalendar(members: readonly MemberWeeks[], weeks: readonly string[]) {
  const patches: TeamModel["patches"] = [];
  const calendar: TeamModel["calendar"] = [];
  for (const { member, weeks: reports } of members) {
    const latest = latestIn(reports, weeks);
    for (const p of latest?.report.patches ?? []) {
      if (!NONE.test(p.trim())) patches.push({ name: member.name, text: p.replace(/\n$/, "") });
    }
    const seen = new Set<string>();
    for (const week of weeks) {
      for (const text of reports.get(week)?.events ?? []) {
        const line = text.replace(/\n$/, "");
        if (seen.has(line) || NONE.test(line.trim())) continue;
        seen.add(line);
        calendar.push({ date: leadingDate(line, week) ?? null, name: member.name, text: line });
      }
    }
  }
  const rank = (d: string | null) => d ?? "9999";
  calendar.sort((a, b) => (rank(a.date) < rank(b.date) ? -1 : rank(a.date) > rank(b.date) ? 1 : 0));
  return { patches, calendar };
}
