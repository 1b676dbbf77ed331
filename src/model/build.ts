// buildModel(report, config, options) → ReportModel. Pure: no I/O, no clock.
import { type Config, subjectFor } from "../config/schema.js";
import type { HeaderName, Report, Section } from "../report/schema.js";
import { buildEntry, type EntryOptions, linesOf, PROGRESS_TEXT, trimFinalNewline } from "./entry.js";
import { MODEL_FORMAT } from "./format.js";
import type { FootnoteModel, ItemModel, MailModel, ReportModel, SectionModel, TrailerModel } from "./schema.js";

export interface ModelOptions extends EntryOptions {
  /** The report's week-ending date (from the file or its name). */
  weekEnding: string;
}

export function buildModel(report: Report, config: Config, opts: ModelOptions): ReportModel {
  const mail = buildMail(report, config);
  const subject = subjectFor(report.subject ?? config.subject, opts.weekEnding);
  const style = report.style;
  const header = report.header;
  const composed = composedHeaders(mail, subject);
  const headers =
    typeof header === "string" ? [] : header ? header.map((n) => composed.find((h) => h.name === n)!) : composed;
  const references = buildFootnotes(report.references);
  const atEnd = style?.references === "at-end";
  const sections = report.sections.map((s) => buildSection(s, report, config, opts));
  const trailers = buildTrailers(report, sections.length > 0 || (!atEnd && references.length > 0));
  const parts = {
    sections: sections.length > 0,
    references: !atEnd && references.length > 0,
    trailers: trailers.length > 0,
    end_references: atEnd && references.length > 0,
    closing: report.closing !== undefined,
    sign_off: report.sign_off !== undefined,
  };
  return {
    format: MODEL_FORMAT,
    week_ending: opts.weekEnding,
    subject,
    mail,
    headers,
    header_lines:
      typeof header === "string"
        ? linesOf(header.replaceAll("{week_ending}", opts.weekEnding))
        : headers.map((h) => `${h.name}: ${h.value}`),
    bullet: `${style?.bullet ?? "*"} `,
    tight: style?.tight ?? false,
    footnote_indent: indentText(style?.footnote_indent),
    greeting_lines: linesOf(report.greeting),
    quote_lines: linesOf(report.quote),
    intro_lines: linesOf(report.intro),
    sections,
    references: atEnd ? [] : references,
    end_references: atEnd ? references : [],
    trailers,
    closing_lines: linesOf(report.closing),
    sign_off_lines: linesOf(report.sign_off),
    signature_lines: linesOf(report.signature),
    after_lines: linesOf(report.after),
    // A part after the sections is set off by a blank line, unless nothing of the body came before it
    // (the header block and the greeting, quote and intro end in one of their own).
    gaps: {
      references: parts.sections,
      end_references: parts.sections || parts.references || parts.trailers,
      closing: parts.sections || parts.references || parts.trailers || parts.end_references,
      sign_off: parts.sections || parts.references || parts.trailers || parts.end_references || parts.closing,
      signature: Object.values(parts).some(Boolean),
      after: Object.values(parts).some(Boolean) || report.signature !== undefined,
    },
    site: opts.site ?? null,
    newline: style?.newline === "crlf" ? "\r\n" : "\n",
  };
}

function buildMail(report: Report, config: Config): MailModel {
  return {
    from: report.from ?? config.from ?? null,
    to: report.to ?? config.to ?? [],
    cc: report.cc ?? config.cc ?? [],
    bcc: report.bcc ?? config.bcc ?? [],
    reply_to: report.reply_to ?? config.reply_to ?? [],
  };
}

const composedHeaders = (mail: MailModel, subject: string): { name: HeaderName; value: string }[] => [
  { name: "From", value: mail.from ?? "" },
  { name: "To", value: mail.to.join(", ") },
  { name: "Cc", value: mail.cc.join(", ") },
  { name: "Bcc", value: mail.bcc.join(", ") },
  { name: "Subject", value: subject },
  { name: "Reply-To", value: mail.reply_to.join(", ") },
];

function buildSection(s: Section, report: Report, config: Config, opts: ModelOptions): SectionModel {
  const comment_lines = linesOf(s.comment);
  const progress = s.progress ? PROGRESS_TEXT[s.progress] : null;
  const underline = s.title === undefined ? "" : (report.style?.underline ?? "=").repeat([...s.title].length);
  const items: ItemModel[] = s.entries.map((e) =>
    (e.ticket ?? e.tickets ?? e.label)
      ? { entry: buildEntry(e, config, opts), text: null }
      : { entry: null, text: trimFinalNewline(e.text ?? "") },
  );
  return {
    title: s.title ?? null,
    underline,
    heading_lines: s.heading !== undefined ? linesOf(s.heading) : s.title !== undefined ? [s.title, underline] : [],
    comment_lines,
    progress,
    has_preamble: comment_lines.length > 0 || progress !== null,
    entries: items.flatMap((i) => (i.entry ? [i.entry] : [])),
    items,
    references: buildFootnotes(s.references),
    footnote_indent: indentText(s.footnote_indent ?? report.style?.footnote_indent),
    tight: s.tight ?? false,
  };
}

const indentText = (indent: number | string | undefined) =>
  typeof indent === "string" ? indent : " ".repeat(indent ?? 0);

function buildFootnotes(refs: Record<string, string[]> | undefined): FootnoteModel[] {
  const rank = (n: string) => (/^\d+$/.test(n) ? Number(n) : 1e9 + n.charCodeAt(0));
  return Object.entries(refs ?? {})
    .map(([n, urls]) => ({ number: /^\d+$/.test(n) ? Number(n) : n, marker: `[${n}]`, urls }))
    .sort((a, b) => rank(String(a.number)) - rank(String(b.number)));
}

/** The === trailers ===; `after` says whether the body has something before the first one. */
function buildTrailers(report: Report, after: boolean): TrailerModel[] {
  const out: TrailerModel[] = [];
  const gap = () => after || out.length > 0;
  const known = (title: string, style: TrailerModel["style"], items: string[] | undefined) => {
    if (items) out.push({ title, heading: `=== ${title} ===`, gap: gap(), style, items: items.map(trimFinalNewline) });
  };
  known("Patch status", "indented", report.patches);
  known("Issues", "bullets", report.issues);
  known("Travel&Holiday&Event", "lines", report.events);
  for (const t of report.trailers ?? []) {
    // Text "" prints nothing under the title; "\n" one blank line, and so on.
    const items = t.text === "" ? [] : [trimFinalNewline(t.text)];
    out.push({ title: t.title, heading: t.heading ?? `=== ${t.title} ===`, gap: gap(), style: "verbatim", items });
  }
  return out;
}
