// The dates events start with: "Nov 23: ...", "23 Nov ...", "11/23 ..." (month/day), "2022-11-23 ...",
// and ranges ("Dec 24-Jan 4", "Nov 23-25", "2022-11-23..2022-11-25"), as carry and the team
// calendar read them; and which leading dates are no day of the calendar, for check.
import { isRealDate } from "../core/dates.js";
import { MONTHS } from "../core/text.js";

/** A date at the start of a line (ISO, "Nov 23", "23 Nov", "11/23"), then a range's dash or word. */
const RANGE = new RegExp(
  [
    String.raw`^\s*(?:\d{4}-\d{2}-\d{2}|[A-Za-z]{3}[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3}[a-z]*|\d{1,2}\/\d{1,2})`,
    String.raw`\s*(?:-|\u2013|\u2014|\.\.|to|until)\s*(.*)$`,
  ].join(""),
  "i",
);

/** The last day of an event: "Nov 23: ...", or the end of "Dec 24-Jan 4", "Nov 23-25", "2022-11-23..2022-11-25". */
export function eventEnd(text: string, around: string): string | undefined {
  const first = leadingDate(text, around);
  if (!first) return undefined;
  const range = RANGE.exec(text);
  if (!range) return first;
  const rest = range[1]!;
  const dayOnly = /^(\d{1,2})\b(?![\/-]|\s+[A-Za-z]{3})/.exec(rest);
  const last = dayOnly ? `${first.slice(0, 8)}${dayOnly[1]!.padStart(2, "0")}` : leadingDate(rest, first);
  return last && last >= first ? last : first;
}

/**
 * "2022-11-23 ...", "Nov 23: ...", "23 Nov ...", "11/23 ..." → YYYY-MM-DD, in the year that puts it
 * nearest `around`.
 */
export function leadingDate(text: string, around: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return iso[1];
  let month: number | undefined;
  let day: number | undefined;
  const md = /^\s*([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b/.exec(text);
  const dm = /^\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\b/.exec(text);
  const slash = /^\s*(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (md && MONTHS.includes(md[1]!.toLowerCase()))
    [month, day] = [MONTHS.indexOf(md[1]!.toLowerCase()) + 1, Number(md[2])];
  else if (dm && MONTHS.includes(dm[2]!.toLowerCase()))
    [month, day] = [MONTHS.indexOf(dm[2]!.toLowerCase()) + 1, Number(dm[1])];
  else if (slash) [month, day] = [Number(slash[1]), Number(slash[2])];
  if (!month || !day || month > 12 || day > 31) return undefined;
  const year = Number(around.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map(
    (y) => `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(around));
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The leading date of an event when it reads as a date but names no day ("Dec 40", "2/30"). */
export function impossibleDate(text: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return isRealDate(iso[1]!) ? undefined : iso[1];
  const md = /^\s*(([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}))\b/.exec(text);
  const dm = /^\s*((\d{1,2})\s+([A-Za-z]{3})[a-z]*)\b/.exec(text);
  const slash = /^\s*((\d{1,2})\/(\d{1,2}))\b/.exec(text);
  let found: [string, number, number] | undefined;
  if (md && MONTHS.includes(md[2]!.toLowerCase()))
    found = [md[1]!, MONTHS.indexOf(md[2]!.toLowerCase()) + 1, Number(md[3])];
  else if (dm && MONTHS.includes(dm[3]!.toLowerCase()))
    found = [dm[1]!, MONTHS.indexOf(dm[3]!.toLowerCase()) + 1, Number(dm[2])];
  else if (slash) found = [slash[1]!, Number(slash[2]), Number(slash[3])];
  if (!found) return undefined;
  const [shown, month, day] = found;
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]! ? undefined : shown;
}
