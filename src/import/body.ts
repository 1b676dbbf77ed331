// The shapes the body parsers build: parts of a report file as it is written (before zod's
// defaults), so that the importer writes them and `weekly render` prints them back.
import type * as z from "zod/mini";
import type { Entry, ExtraTrailer, Report, Section } from "../report/schema.js";

export type EntryInput = z.input<typeof Entry>;
export type SectionInput = z.input<typeof Section>;
export type TrailerInput = z.input<typeof ExtraTrailer>;
export type References = Record<string, string | string[]>;

export interface ParsedBody {
  style?: NonNullable<z.input<typeof Report>["style"]>;
  greeting?: string;
  quote?: string;
  intro?: string;
  sections: SectionInput[];
  references?: References;
  patches?: string[];
  issues?: string[];
  events?: string[];
  trailers?: TrailerInput[];
  closing?: string;
  sign_off?: string;
  signature?: string;
  after?: string;
}
