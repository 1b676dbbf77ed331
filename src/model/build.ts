// buildModel(report, jiraFacts, config) → ReportModel. Pure: no I/O, no clock.
import { type Config, subjectFor } from "../config/schema.js";
import { browseUrl, type JiraFacts, type JiraIssueFacts } from "../jira/types.js";
import { cutSummary, headingRoom } from "../report/cut-summary.js";
import type { Entry, Report, Section } from "../report/schema.js";
import { MODEL_FORMAT } from "./format.js";
import type {
  BlockModel,
  EntryModel,
  FootnoteModel,
  JiraModel,
  MailModel,
  ReportModel,
  SectionModel,
  TrailerModel,
} from "./schema.js";

export interface ModelOptions {
  /** The report's week-ending date (from the file or its name). */
  weekEnding: string;
  facts?: JiraFacts;
  /** The Jira site: every ticket links to its page, fetched or not. */
  site?: string;
  showStatus?: boolean;
}

const PROGRESS_TEXT = { none: "No progress", "no-update": "No update" } as const;

export function buildModel(report: Report, config: Config, opts: ModelOptions): ReportModel {
  const mail = buildMail(report, config);
  const subject = subjectFor(report.subject ?? config.subject, opts.weekEnding);
  return {
    format: MODEL_FORMAT,
    week_ending: opts.weekEnding,
    subject,
    mail,
    headers: [
      { name: "From", value: mail.from ?? "" },
      { name: "To", value: mail.to.join(", ") },
      { name: "Cc", value: mail.cc.join(", ") },
      { name: "Bcc", value: mail.bcc.join(", ") },
      { name: "Subject", value: subject },
      { name: "Reply-To", value: mail.reply_to.join(", ") },
    ],
    bullet: `${report.style?.bullet ?? "*"} `,
    footnote_indent: " ".repeat(report.style?.footnote_indent ?? 0),
    intro_lines: report.intro === undefined ? [] : trimFinalNewline(report.intro).split("\n"),
    closing_lines: report.closing === undefined ? [] : trimFinalNewline(report.closing).split("\n"),
    sections: report.sections.map((s) => buildSection(s, config, opts, report.style?.underline ?? "=")),
    references: buildFootnotes(report.references),
    trailers: buildTrailers(report),
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

function buildSection(s: Section, config: Config, opts: ModelOptions, underline: string): SectionModel {
  const comment_lines = s.comment === undefined ? [] : trimFinalNewline(s.comment).split("\n");
  const progress = s.progress ? PROGRESS_TEXT[s.progress] : null;
  return {
    title: s.title,
    underline: underline.repeat([...s.title].length),
    comment_lines,
    progress,
    has_preamble: comment_lines.length > 0 || progress !== null,
    entries: s.entries.map((e) => buildEntry(e, config, opts)),
    references: buildFootnotes(s.references),
  };
}

export function buildEntry(e: Entry, config: Config, opts: ModelOptions): EntryModel {
  const facts = e.ticket ? opts.facts?.get(e.ticket) : undefined;
  const summary = e.summary ?? facts?.summary ?? null;
  const blocks: BlockModel[] = [
    ...(e.notes ?? []).map((n) => ({ note: trimFinalNewline(n), todo: null, progress: null })),
    ...(e.todo ?? []).map((t) => ({ note: null, todo: trimFinalNewline(t), progress: null })),
  ];
  if (e.progress) blocks.unshift({ note: null, todo: null, progress: PROGRESS_TEXT[e.progress] });
  const lead = e.ticket ? `[${e.ticket}]` : `(${e.label})`;
  const status = opts.showStatus && facts ? facts.status : null;
  const tail = status ? ` [${status}]` : "";
  return {
    ticket: e.ticket ?? null,
    label: e.label ?? null,
    summary,
    summary_short: summary === null ? null : cutSummary(summary, headingRoom(config.summary_width, lead, tail)),
    summary_source: e.summary !== undefined ? "file" : facts ? "jira" : null,
    url: facts?.url ?? (e.ticket && opts.site ? browseUrl(opts.site, e.ticket) : null),
    status,
    blocks,
    jira: facts ? toJiraModel(facts) : null,
  };
}

function buildFootnotes(refs: Record<string, string[]> | undefined): FootnoteModel[] {
  return Object.entries(refs ?? {})
    .map(([n, urls]) => ({ number: Number(n), marker: `[${n}]`, urls }))
    .sort((a, b) => a.number - b.number);
}

function buildTrailers(report: Report): TrailerModel[] {
  const out: TrailerModel[] = [];
  if (report.patches)
    out.push({ title: "Patch status", style: "indented", items: report.patches.map(trimFinalNewline) });
  if (report.issues) out.push({ title: "Issues", style: "bullets", items: report.issues.map(trimFinalNewline) });
  if (report.events)
    out.push({ title: "Travel&Holiday&Event", style: "lines", items: report.events.map(trimFinalNewline) });
  for (const t of report.trailers ?? []) {
    const text = trimFinalNewline(t.text);
    out.push({ title: t.title, style: "verbatim", items: text === "" ? [] : [text] });
  }
  return out;
}

function toJiraModel(f: JiraIssueFacts): JiraModel {
  const { fetchedAt: _, ...model } = f;
  return model;
}

/** A YAML block scalar ends in one newline (`|`); that one is not part of the text. */
const trimFinalNewline = (s: string) => (s.endsWith("\n") ? s.slice(0, -1) : s);
