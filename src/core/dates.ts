// ISO dates as plain strings (kept free of zod: the command line checks dates before any schema loads).

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD string names a day of the calendar (no 2022-02-30). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An instant as the clock on the wall shows it in a time zone (the system's when absent), and that zone's offset. */
export function wallClock(date: Date, timeZone?: string): { local: Date; offsetMinutes: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  return { local: new Date(asUtc), offsetMinutes };
}

/** `+0900`, `-0530`, `+0000`. */
export function numericOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** RFC 5322's date in a time zone: `Fri, 11 Nov 2022 18:30:00 +0900`. */
export function mailDate(date: Date, timeZone?: string): string {
  const { local, offsetMinutes } = wallClock(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  const month = MONTH[local.getUTCMonth()];
  const day = `${WEEKDAY[local.getUTCDay()]}, ${local.getUTCDate()} ${month} ${local.getUTCFullYear()}`;
  return `${day} ${time} ${numericOffset(offsetMinutes)}`;
}
