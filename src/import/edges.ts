// The parts of an email around the report: a greeting ("Hi all,"), lines quoted from last
// week's thread ("> ..."), at the top; a sign-off ("Thanks," and a name) and a "-- " signature
// at the end. Each gets a place of its own, never an event or a note by accident.
import { skipBlank, trimEnd } from "./context.js";
import { isBlank } from "./lines.js";

const GREETING =
  /^(?:hi|hello|hey|dear|hallo|good (?:morning|afternoon|evening)|greetings|all)\b[^.!?]{0,50}[,!:.]?\s*$/i;
const SIGN_OFF = new RegExp(
  String.raw`^(?:thanks|thank you|many thanks|thx|cheers|regards|best|kind regards|best regards|warm regards|br|` +
    String.raw`greetings|sincerely|bye|ciao)\s*(?:[,!.]|$)`,
  "i",
);

/** [start, end) of a paragraph starting at lines[i]. */
const paragraphEnd = (lines: readonly string[], i: number, end: number) => {
  let k = i;
  while (k < end && !isBlank(lines[k])) k++;
  return k;
};

/** The greeting and the quote at the top of the body, and where the rest starts. */
export function readTop(lines: readonly string[], end: number) {
  let i = skipBlank(lines, 0, end);
  let greeting: [number, number] | undefined;
  let quote: [number, number] | undefined;
  if (i < end && GREETING.test(lines[i]!.trim()) && lines[i]!.length <= 60) {
    const stop = paragraphEnd(lines, i, end);
    if (stop - i <= 2) {
      greeting = [i, stop];
      i = skipBlank(lines, stop, end);
    }
  }
  const attribution = /^On .*wrote:\s*$/.test(lines[i] ?? "") ? 1 : 0;
  if (i < end && (lines[i + attribution] ?? "").startsWith(">")) {
    let stop = i + attribution;
    while (
      stop < end &&
      (lines[stop]!.startsWith(">") || (isBlank(lines[stop]) && (lines[stop + 1] ?? "").startsWith(">")))
    )
      stop++;
    quote = [i, stop];
    i = skipBlank(lines, stop, end);
  }
  return { greeting, quote, start: i };
}

/** The signature (from a "-- " line) and the sign-off before it, and where the report's body ends. */
export function readEnd(lines: readonly string[], names: readonly string[] = []) {
  let end = trimEnd(lines, 0, lines.length);
  let signature: [number, number] | undefined;
  let signOff: [number, number] | undefined;
  for (let k = end - 1; k >= 0 && k >= end - 12; k--) {
    if (lines[k] === "-- " || lines[k] === "--") {
      signature = [k, end];
      end = trimEnd(lines, 0, k);
      break;
    }
  }
  let start = end;
  while (start > 0 && !isBlank(lines[start - 1])) start--;
  const first = lines[start] ?? "";
  const signed = SIGN_OFF.test(first.trim()) || (end - start === 1 && isName(first.trim(), names));
  if (start < end && end - start <= 4 && signed && !/^\s/.test(first)) {
    signOff = [start, end];
    end = trimEnd(lines, 0, start);
  }
  return { signature, signOff, end };
}

/** A line that is the sender's name, or its first word ("Tuomas" of "Tuomas Virtanen"), maybe after a dash. */
function isName(line: string, names: readonly string[]): boolean {
  const text = line.replace(/^[-–—~]\s*/, "").toLowerCase();
  return text !== "" && names.some((n) => n.toLowerCase() === text || n.split(/\s+/)[0]!.toLowerCase() === text);
}

/**
 * Whether a line can begin a quoted tail at all: each form starts with "-" or "On " after any
 * blanks, or with "From:": most lines are passed over by their first character that is not a
 * space or a tab (any other blank, or a control, is left to the full tests).
 */
function mayStartTail(line: string): boolean {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09)) i++;
  if (i === line.length) return false; // blank: no form matches
  const c = line.charCodeAt(i);
  return c === 0x2d || c === 0x4f || (c === 0x46 && i === 0) || c < 0x20 || c >= 0x7f;
}

const ORIGINAL = /^-{2,}\s*(?:original message|forwarded message)\s*-{2,}$/i;
const OUTLOOK_RULE = /^_{8,}$/;

/**
 * Where the mail a reply quotes at its end begins: "-----Original Message-----", an Outlook
 * block ("From: ..." then "Sent: ..."), or "On ... wrote:" with only "> " lines after it.
 * Undefined when the email quotes nothing at its end (a quote at the top is readTop's).
 */
export function quotedTailAt(lines: readonly string[]): number | undefined {
  const first = skipBlank(lines, 0);
  for (let k = first + 1; k < lines.length; k++) {
    if (!mayStartTail(lines[k]!)) continue;
    const line = lines[k]!.trim();
    if (ORIGINAL.test(line)) return k;
    const outlook =
      /^From:\s*\S/.test(lines[k]!) &&
      /^(?:Sent|Date):\s*\S/.test(lines[k + 1] ?? "") &&
      /^(?:To|Subject|Cc):/.test(lines[k + 2] ?? "");
    if (outlook && (isBlank(lines[k - 1]) || OUTLOOK_RULE.test(lines[k - 1]!.trim()))) {
      return OUTLOOK_RULE.test(lines[k - 1]!.trim()) ? k - 1 : k;
    }
    if (/^On .+wrote:$/.test(line) && lines.slice(k + 1).every((l) => isBlank(l) || l.startsWith(">"))) {
      return lines.slice(k + 1).some((l) => l.startsWith(">")) ? k : undefined;
    }
  }
  return undefined;
}
