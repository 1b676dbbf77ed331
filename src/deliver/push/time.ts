// A worklog's numbers: "1h 30m" as seconds (days and weeks by the site's working hours, since
// Jira's own "1d" depends on a setting we cannot see), and when it started: the week's last
// working day at 09:00 in the configured time zone, with the numeric offset Jira requires.
import { numericOffset, wallClock } from "../../core/dates.js";

const UNIT = /(\d+(?:\.\d+)?)\s*([wdhm])/gi;

export function secondsOf(spent: string, hoursPerDay: number, daysPerWeek: number): number {
  let seconds = 0;
  for (const m of spent.matchAll(UNIT)) {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const hours =
      unit === "w" ? n * hoursPerDay * daysPerWeek : unit === "d" ? n * hoursPerDay : unit === "h" ? n : n / 60;
    seconds += hours * 3600;
  }
  return Math.round(seconds / 60) * 60;
}

/** "2022-11-11T09:00:00.000+0900": 09:00 on the week's last working day (a weekend day steps back to Friday). */
export function worklogStarted(weekEnding: string, timeZone?: string): string {
  const day = new Date(`${weekEnding}T00:00:00Z`);
  const back = day.getUTCDay() === 6 ? 1 : day.getUTCDay() === 0 ? 2 : 0;
  const date = new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
  const nine = Date.parse(`${date}T09:00:00Z`);
  // The offset at 09:00 local time (twice: a first guess may land across a change of offset).
  const first = wallClock(new Date(nine), timeZone).offsetMinutes;
  const offset = wallClock(new Date(nine - first * 60_000), timeZone).offsetMinutes;
  return `${date}T09:00:00.000${numericOffset(offset)}`;
}

/** The instant of a Jira timestamp, for comparing ("2022-11-11T09:00:00.000+0900"). */
export const instantOf = (jira: string) => Date.parse(jira.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));

/** "1h 30m" of a number of seconds, for the plan. */
export function spentText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return [h ? `${h}h` : "", m ? `${m}m` : ""].filter(Boolean).join(" ") || "0m";
}
