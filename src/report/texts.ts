// Every free text of a report, with its path in the file, in document order: the one walker that
// lint (footnotes cited), carry (footnotes renumbered) and import (footnotes placed) share.
import type * as z from "zod/mini";
import type { Report, Section } from "./schema.js";

/** A report as written (before zod's defaults and transforms) or as loaded: both walk the same. */
type AnyReport = z.input<typeof Report>;
type AnySection = z.input<typeof Section>;
type Texts = string | readonly string[] | undefined;

export interface TextAt {
  text: string;
  /** Data path in the file: `notes` for a single string, `notes[k]` for a list item. */
  path: PropertyKey[];
}

function* each(value: Texts, path: PropertyKey[]): Generator<TextAt> {
  if (typeof value === "string") yield { text: value, path };
  else for (const [k, text] of (value ?? []).entries()) yield { text, path: [...path, k] };
}

/** The texts of one section (its heading, comment, and each item's heading, summary, text, notes and TODOs). */
export function* sectionTexts(s: AnySection, i: number): Generator<TextAt> {
  const base = ["sections", i];
  yield* each(s.heading, [...base, "heading"]);
  yield* each(s.comment, [...base, "comment"]);
  for (const [j, e] of (s.entries ?? []).entries()) {
    const at = [...base, "entries", j];
    yield* each(e.heading, [...at, "heading"]);
    yield* each(e.summary, [...at, "summary"]);
    yield* each(e.text, [...at, "text"]);
    yield* each(e.notes, [...at, "notes"]);
    yield* each(e.todo, [...at, "todo"]);
  }
}

/** Every text that may cite a footnote: the top of the email, sections, trailers, closing. */
export function* reportTexts(report: AnyReport): Generator<TextAt> {
  yield* each(report.greeting, ["greeting"]);
  yield* each(report.quote, ["quote"]);
  yield* each(report.intro, ["intro"]);
  for (const [i, s] of report.sections.entries()) yield* sectionTexts(s, i);
  for (const field of ["patches", "issues", "events"] as const) yield* each(report[field], [field]);
  for (const [k, t] of (report.trailers ?? []).entries()) yield* each(t.text, ["trailers", k, "text"]);
  yield* each(report.closing, ["closing"]);
}
