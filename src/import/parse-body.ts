// A report email's body (the lines after its header block) → the sections, footnotes and
// trailers of a Report, with a notice for every line that will not print back as it stood.
// Nothing is dropped: text with no place of its own is kept verbatim and named.
import type { Diagnostic } from "../core/diagnostic.js";
import { FOOTNOTE_CITE } from "../core/text.js";
import {
  blockText,
  createContext,
  expectOneBlank,
  notice,
  quote,
  skipBlank,
  type ParseContext,
} from "./parse-context.js";
import { isSectionTitle, parseFootnote, parseHeading, trailerTitleOf } from "./line-patterns.js";
import { parseSectionBody, parseSectionHead, unplacedEnd, type SectionInput } from "./parse-section.js";
import { parseTrailer, type Trailers } from "./parse-trailer.js";

/** Title of the trailer that keeps text found before the first section or after the last. */
export const UNSORTED_TITLE = "Unsorted";

export interface ParsedBody {
  style?: { bullet?: "*" | "-"; underline?: "=" | "-"; footnote_indent?: number };
  intro?: string;
  closing?: string;
  sections: SectionInput[];
  references?: NonNullable<SectionInput["references"]>;
  patches?: string[];
  issues?: string[];
  events?: string[];
  trailers?: { title: string; text: string }[];
}

export function parseBody(
  allLines: readonly string[],
  lineOf: (i: number) => number,
  summaryWidth: number,
): { body: ParsedBody; notices: Diagnostic[] } {
  // A sign-off ends the email whatever stands before it (even a === trailer === that would take it in).
  const signOff = findSignOff(allLines);
  const lines = signOff ? allLines.slice(0, signOff.start) : allLines;
  const ctx = createContext(lines, lineOf, summaryWidth);
  const sections: SectionInput[] = [];
  const trailers: Trailers = { trailers: [] };
  const unsorted: Trailers["trailers"] = [];
  const around: { intro?: string; closing?: string } = signOff ? { closing: blockText(signOff.lines, 0) } : {};
  let i = skipBlank(ctx, 0);
  if (i > 0 && i < lines.length) notice(ctx, 0, "normalized: blank lines before the first section dropped");
  while (i < lines.length) {
    const line = lines[i]!;
    const afterTrailers = trailers.trailers.length > 0 || trailers.patches || trailers.issues || trailers.events;
    if (isSectionTitle(lines, i)) {
      if (afterTrailers)
        notice(ctx, i, `normalized: section ${quote(line.trim())} after the === trailers === prints before them`);
      const { section, next } = parseSectionHead(ctx, i);
      sections.push(section);
      i = parseSectionBody(ctx, section, next);
    } else if (trailerTitleOf(line)) {
      i = skipBlank(ctx, parseTrailer(ctx, trailers, i));
    } else if (sections.length > 0 && (parseHeading(line) || parseFootnote(line))) {
      const last = sections.at(-1)!;
      if (afterTrailers)
        notice(
          ctx,
          i,
          "entries after the === trailers === (a block pasted twice?) are kept in section " +
            `${quote(last.title)} and print there`,
        );
      i = parseSectionBody(ctx, last, i);
    } else if (sections.length === 0 && !afterTrailers && around.intro === undefined) {
      i = keepAround(ctx, around, "intro", i);
    } else if (skipBlank(ctx, unplacedEnd(ctx, i)) >= lines.length) {
      i = keepAround(ctx, around, "closing", i);
    } else {
      i = keepUnsorted(ctx, unsorted, i, sections.length === 0);
    }
  }
  const { intro, closing } = around;
  const body = {
    ...styleOf(ctx),
    ...(intro !== undefined ? { intro } : {}),
    ...assemble(sections, trailers, unsorted),
    ...(closing !== undefined ? { closing } : {}),
  };
  return { body, notices: ctx.notices };
}

const SIGN_OFF_WORDS = ["thanks", "thank you", "many thanks", "cheers", "regards", "best", "kind regards"];
SIGN_OFF_WORDS.push("best regards", "br", "greetings", "sincerely");
const SIGN_OFF = new RegExp(`^(?:--\\s*$|(?:${SIGN_OFF_WORDS.join("|")})\\b)`, "i");

/** The last paragraph, when it is a sign-off ("Thanks,", "Regards", "-- "): at most six lines after a blank line. */
function findSignOff(lines: readonly string[]): { start: number; lines: string[] } | undefined {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== "") start--;
  if (start === 0 || end - start > 6 || !SIGN_OFF.test(lines[start]!.trim())) return undefined;
  return { start, lines: lines.slice(start, end) };
}

/** Text before the first section (a greeting) or at the very end (a signature), kept verbatim. */
function keepAround(
  ctx: ParseContext,
  around: { intro?: string; closing?: string },
  where: "intro" | "closing",
  i: number,
): number {
  const end = unplacedEnd(ctx, i);
  const next = skipBlank(ctx, end);
  around[where] = blockText(ctx.lines.slice(i, end), 0);
  if (where === "intro") expectOneBlank(ctx, end, next);
  return next;
}

/** The email's layout where it differs from the template's defaults. */
function styleOf(ctx: ParseContext): Pick<ParsedBody, "style"> {
  const { bullet, underline, footnoteIndent } = ctx.style;
  const style = {
    ...(bullet !== "*" ? { bullet } : {}),
    ...(underline !== "=" ? { underline } : {}),
    ...(footnoteIndent !== 0 ? { footnote_indent: footnoteIndent } : {}),
  };
  return Object.keys(style).length ? { style } : {};
}

/** Text before the first section, or after the last one, as an "Unsorted" trailer, verbatim. */
function keepUnsorted(ctx: ParseContext, into: Trailers["trailers"], i: number, before: boolean): number {
  const end = unplacedEnd(ctx, i);
  const next = skipBlank(ctx, end);
  into.push({ title: UNSORTED_TITLE, text: blockText(ctx.lines.slice(i, end), 0) });
  const range = end - i > 1 ? `lines ${ctx.lineOf(i)}-${ctx.lineOf(end - 1)}` : "this line";
  const where = before ? "before the first section" : "after the last section";
  notice(
    ctx,
    i,
    `unplaced: text ${where} (${quote(ctx.lines[i]!)}); ` +
      `${range} kept verbatim as trailer "=== ${UNSORTED_TITLE} ===" at the end: move or delete it`,
  );
  return next;
}

function assemble(sections: SectionInput[], t: Trailers, unsorted: Trailers["trailers"]): ParsedBody {
  const references = hoistReferences(sections);
  const trailers = [...t.trailers, ...unsorted];
  return {
    sections,
    ...(references ? { references } : {}),
    ...(t.patches ? { patches: t.patches } : {}),
    ...(t.issues ? { issues: t.issues } : {}),
    ...(t.events ? { events: t.events } : {}),
    ...(trailers.length ? { trailers } : {}),
  };
}

/**
 * Footnotes at the end of the last section print the same as the report's own; they are the
 * report's when the last section uses none of them and earlier sections use them all.
 */
function hoistReferences(sections: SectionInput[]): ParsedBody["references"] {
  const last = sections.at(-1);
  if (!last?.references || sections.length < 2) return undefined;
  const numbers = Object.keys(last.references);
  const uses = (s: SectionInput) => new Set([...textOf(s).matchAll(FOOTNOTE_CITE)].map((m) => m[1]!));
  const own = uses(last);
  const earlier = new Set(sections.slice(0, -1).flatMap((s) => [...uses(s)]));
  if (numbers.some((n) => own.has(n) || !earlier.has(n))) return undefined;
  const refs = last.references;
  delete last.references;
  return refs;
}

function textOf(s: SectionInput): string {
  const parts = [s.comment ?? ""];
  for (const e of s.entries ?? []) parts.push(e.summary ?? "", ...[e.notes ?? []].flat(), ...[e.todo ?? []].flat());
  return parts.join("\n");
}
