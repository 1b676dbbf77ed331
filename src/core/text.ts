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

/** A footnote citation like [2] or [b] in free text (global: use with matchAll). */
export const FOOTNOTE_CITE = /\[([1-9][0-9]*|[a-z])\]/g;

/** Any text as one line for a message: line breaks and runs of space folded, cut to `max`. */
export function oneLine(text: string, max = Infinity): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A name as is, or JSON-quoted when it holds a control character (it cannot then forge a line of output). */
export function quoteControl(name: string): string {
  return CONTROL.test(name) ? JSON.stringify(name) : name;
}

/**
 * Text from outside (Jira) as one plain line: control characters, escape sequences, line breaks
 * and bidirectional overrides become spaces, so it can neither drive a terminal nor start a line.
 */
export function plainLine(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b./g, " ") // CSI, OSC, ESC x
    .replace(new RegExp(CONTROL.source, "g"), " ")
    .replace(/ {2,}/g, " ")
    .trim();
}
