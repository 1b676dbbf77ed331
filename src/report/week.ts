// Dates of a report week. Dates are plain YYYY-MM-DD strings, computed in UTC: no clock, no zone.
import { basename } from "node:path";
import { isRealDate, WEEKDAYS, type Weekday } from "../core/schemas.js";

export type { Weekday };

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** "2022-11-11" from ".../2022-11-11.yaml" (or .yml); undefined for other names. */
export function dateFromFileName(file: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\.ya?ml$/.exec(basename(file));
  return m && isRealDate(m[1]!) ? m[1] : undefined;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (the system's when absent). */
export function dateIn(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The week-ending date of the week a date is in: the next `endsOn` weekday on or after it. */
export function weekEndingFor(date: string, endsOn: Weekday): string {
  const ahead = (WEEKDAYS.indexOf(endsOn) - WEEKDAYS.indexOf(weekdayOf(date)) + 7) % 7;
  return addDays(date, ahead);
}

/**
 * The week a report sent on `date` is about: its own week, except that the two days just after a
 * week's end (the weekend, for Friday weeks) still belong to the week that ended.
 */
export function weekReportedOn(date: string, endsOn: Weekday): string {
  return weekEndingFor(addDays(date, -2), endsOn);
}
