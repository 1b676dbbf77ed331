// What one line of a plain-text weekly report can be: blank, indented, a bullet, a TODO, a
// footnote, a "no progress" line, a comment. Pure tests on one line, none of them backtracking.
import { JIRA_KEY } from "../core/schemas.js";

export function isBlank(line: string | undefined): boolean {
  if (line === undefined) return true;
  // Read by character (it runs several times per line): the first that is not a space or a tab
  // decides, when it is printable ASCII; any other (a no-break space, say) is left to trim.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09) continue;
    return c > 0x20 && c < 0x7f ? false : line.trim() === "";
  }
  return true;
}
export const isIndented = (line: string) => /^[ \t]/.test(line) && !isBlank(line);

/** /^\s/ of a line, by its first character where that is printable ASCII. */
export function startsBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 0x20 || c === 0x09) return true;
  return c > 0x20 && c < 0x7f ? false : /^\s/.test(line);
}

/** A bullet of any common kind: * - + o •, 1. 1) a. a) (b), with the text after it. */
const BULLET = /^([*\-+•]|o(?= )|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\))([ \t]+)(\S.*)?$/;

export function bulletOf(line: string): { marker: string; text: string } | undefined {
  const m = BULLET.exec(line.replace(/^[ \t]+/, ""));
  return m ? { marker: m[1]!, text: m[3] ?? "" } : undefined;
}

/** A bullet at the left margin with exactly one space after it: what the template prints. */
export function canonicalBullet(line: string, bullet: string): string | undefined {
  if (!line.startsWith(bullet) || line[bullet.length] !== " ") return undefined;
  const text = line.slice(bullet.length + 1);
  return text === "" || /^\s/.test(text) ? undefined : text;
}

export const isTodo = (line: string) => line.startsWith("  TODO:") && (line.length === 7 || line[7] === " ");
export const isComment = (line: string) => /^#(?: |$)/.test(line);

/** `[1] url`, `[a] url` (any indentation): the marker, the blanks before it, the rest. */
const FOOTNOTE = /^([ \t]*)\[([1-9][0-9]*|[a-z])\]([ \t]+)(\S.*)$/;

export function footnoteOf(line: string): { indent: string; number: string; gap: string; url: string } | undefined {
  const m = FOOTNOTE.exec(line);
  // What a footnote points at: a URL, an address, a path or a file (prose after [1] is no footnote).
  if (!m || !/^(?:https?:|ftp:|mailto:|www\.|<|\S*[./:]\S)/i.test(m[4]!)) return undefined;
  return { indent: m[1]!, number: m[2]!, gap: m[3]!, url: m[4]! };
}

const NO_PROGRESS = /^(?:[*\-+o•][ \t]+)?(no progress|no update|nothing this week|no updates since last week)\b/i;

/** "No progress", "* no progress.", "Nothing this week", "- No update, waiting..." → none / no-update. */
export function progressOf(line: string): "none" | "no-update" | undefined {
  const m = NO_PROGRESS.exec(line.trim());
  if (!m) return undefined;
  return /update/i.test(m[1]!) ? "no-update" : "none";
}

/** The exact line the template prints for a progress value. */
export const progressLine = (value: "none" | "no-update", bullet: string) =>
  `${bullet} ${value === "none" ? "No progress" : "No update"}`;

/** Jira keys in a piece of text, in order, each once. */
export function keysIn(text: string): string[] {
  // CVE-2024-1234 is no key (nor is CVE-2024 of it).
  const found = text.match(/\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b(?!-\d)/g) ?? [];
  return [...new Set(found.filter((k) => JIRA_KEY.test(k)))];
}

/** The blanks at the start of a line. */
export const leadOf = (line: string) => /^[ \t]*/.exec(line)![0];
