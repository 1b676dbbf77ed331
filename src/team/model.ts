// The plain object the team templates see (`weekly team --context` prints it): every decision of
// the roll-up made (who reported, which entries merge, what needs a look, the calendar's order);
// templates only lay it out.
import type { EntryModel, MailModel } from "../model/schema.js";

export const TEAM_FORMAT = "weekly-report/team@1";

export interface MemberWeekModel {
  week: string;
  entry: EntryModel;
}

export interface MemberPartModel {
  name: string;
  weeks: MemberWeekModel[];
}

/** One ticket (or entry about several, or label) of a section, with what each member said of it. */
export interface TeamItemModel {
  ticket: string | null;
  tickets: string[];
  label: string | null;
  summary: string | null;
  heading: string;
  url: string | null;
  status: string | null;
  members: MemberPartModel[];
  /** A paragraph of a member's own, in place of an entry (then `members` is empty). */
  text: { name: string; week: string; text: string } | null;
}

export interface TeamSectionModel {
  title: string | null;
  underline: string;
  items: TeamItemModel[];
}

export interface AttentionModel {
  /** Tickets reported this period that Jira says are done. */
  done: { ticket: string; summary: string | null; status: string; names: string[] }[];
  /** Tickets a member reported with no progress for `weeks` weeks in a row (at least no_progress_weeks). */
  stalled: { ticket: string; name: string; weeks: number }[];
  blockers: { name: string; text: string }[];
  count: number;
}

export interface TeamModel {
  format: typeof TEAM_FORMAT;
  team: string;
  since: string;
  until: string;
  /** The period's weeks, as the roll-up orders them. */
  weeks: string[];
  single_week: boolean;
  subject: string;
  mail: MailModel;
  header_lines: string[];
  reported: { count: number; of: number; names: string[]; missing: string[] };
  attention: AttentionModel;
  sections: TeamSectionModel[];
  patches: { name: string; text: string }[];
  calendar: { date: string | null; name: string; text: string }[];
  bullet: string;
  site: string | null;
}
