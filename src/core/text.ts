// Small text helpers that several stages share.

/** Lower-case month abbreviations, January first. */
export const MONTHS: readonly string[] = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/** A footnote citation like [2] in free text (global: use with matchAll). */
export const FOOTNOTE_CITE = /\[([1-9][0-9]*)\]/g;

/** Any text as one line for a message: line breaks and runs of space folded, cut to `max`. */
export function oneLine(text: string, max = Infinity): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
