// The week an imported email reports on, from the ways people write it in a Subject: "Week
// ending 2024-07-26", "w/e 26 Jul 2024", "week of Jul 22, 2024", "WW30" (with the year of the
// Date header), else from the Date header itself (a report sent on Monday is last week's).
import { isRealDate } from "../core/dates.js";
import { MONTHS } from "../core/text.js";
import { addDays, type Weekday, weekEndingFor, weekReportedOn } from "../report/week.js";

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})\b/;
const MONTH_DAY = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/;
const WORK_WEEK = /\b(?:ww|wk|cw|week)[ .#-]?(\d{1,2})\b/i;

const pad = (n: number | string) => String(n).padStart(2, "0");

function dateOf(year: string, month: string, day: string): string | undefined {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isRealDate(date) ? date : undefined;
}

const FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october"].concat([
  "november",
  "december",
]);

/** "Jul", "July", "Sept" → 7, 7, 9; other words → undefined. */
const monthOf = (name: string) => {
  const k = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return k !== -1 && FULL[k]!.startsWith(name.toLowerCase()) ? k + 1 : undefined;
};

const YEARLESS_DM = /\b(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\b(?![ -]?\d)/;
const YEARLESS_MD = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?\b(?!,? ?\d{4})/;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/** A calendar date written in a subject, in any of the usual forms; a day without a year in `sent`'s year. */
function subjectDate(subject: string, sent?: string): string | undefined {
  const iso = ISO.exec(subject);
  if (iso) return dateOf(iso[1]!, iso[2]!, iso[3]!);
  const dotted = DOTTED.exec(subject); // 12.04.2024: day.month.year, as Europe writes it
  if (dotted) return dateOf(dotted[3]!, dotted[2]!, dotted[1]!);
  const dm = DAY_MONTH.exec(subject);
  const m1 = dm ? monthOf(dm[2]!) : undefined;
  if (dm && m1) return dateOf(dm[3]!, String(m1), dm[1]!);
  const md = MONTH_DAY.exec(subject);
  const m2 = md ? monthOf(md[1]!) : undefined;
  if (md && m2) return dateOf(md[3]!, String(m2), md[2]!);
  if (!sent) return undefined;
  const ydm = YEARLESS_DM.exec(subject);
  const m3 = ydm ? monthOf(ydm[2]!) : undefined;
  if (ydm && m3) return nearest(sent, String(m3), ydm[1]!);
  const ymd = YEARLESS_MD.exec(subject);
  const m4 = ymd ? monthOf(ymd[1]!) : undefined;
  if (ymd && m4) return nearest(sent, String(m4), ymd[2]!);
  return undefined;
}

/** The day of that month and day nearest `sent` (the year before, of, or after it). */
function nearest(sent: string, month: string, day: string): string | undefined {
  const year = Number(sent.slice(0, 4));
  const days = (d: string) => Math.abs(Date.parse(d) - Date.parse(sent));
  const candidates = [year - 1, year, year + 1]
    .map((y) => dateOf(String(y), month, day))
    .filter((d) => d !== undefined);
  return candidates.sort((a, b) => days(a) - days(b))[0];
}

/** WW52 sent in January is last year's: the ISO week of that number nearest the day it was sent. */
function nearestWeek(sent: string, week: number, endsOn: Weekday): string | undefined {
  const year = Number(sent.slice(0, 4));
  const days = (d: string) => Math.abs(Date.parse(d) - Date.parse(sent));
  const ends = [year - 1, year, year + 1].map((y) => isoWeekEnd(y, week, endsOn)).filter((d) => d !== undefined);
  return ends.sort((a, b) => days(a) - days(b))[0];
}

/** The `endsOn` day of ISO week `week` of `year`. */
function isoWeekEnd(year: number, week: number, endsOn: Weekday): string | undefined {
  if (week < 1 || week > 53) return undefined;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
  const start = addDays(monday.toISOString().slice(0, 10), (week - 1) * 7);
  return weekEndingFor(start, endsOn);
}

/**
 * The week-ending date; `sent` is the Date header's day where it was sent. A date in the subject
 * names its week: the `endsOn` day on or after it ("week of Monday 22nd" is the week ending Friday).
 */
export function weekEndingOf(subject: string | undefined, sent: string | undefined, endsOn: Weekday) {
  const inSubject = subject ? subjectDate(subject, sent) : undefined;
  // "Week ending 2025-01-23" names the week's end as the author has it, even on another weekday.
  const named = inSubject && /\b(?:week[- ]?ending|w\/?e|ending)\b/i.test(subject ?? "");
  if (inSubject) return { date: named ? inSubject : weekEndingFor(inSubject, endsOn), from: "subject" as const };
  const ww = subject ? WORK_WEEK.exec(subject) : undefined;
  const byNumber = ww && sent ? nearestWeek(sent, Number(ww[1]), endsOn) : undefined;
  if (byNumber) return { date: byNumber, from: "subject" as const };
  if (sent) return { date: weekReportedOn(sent, endsOn), from: "date" as const };
  return undefined;
}
