// Checks across fields that the schema cannot express: a ticket reported twice, footnotes used
// but not defined (or the reverse), empty sections, a week-ending date that disagrees.
import { type Diagnostic, formatPath, type Severity } from "../core/diagnostic.js";
import { FOOTNOTE_CITE } from "../core/text.js";
import type { ParsedYaml } from "../io/yaml.js";
import type { Report } from "./schema.js";
import { impossibleDate } from "./event-dates.js";
import { STARTER_NOTE } from "./starter.js";
import { reportTexts } from "./texts.js";
import { dateFromFileName, weekdayOf, type Weekday } from "./week.js";

export interface LintContext {
  file: string;
  locate: ParsedYaml["locate"];
  weekEndsOn: Weekday;
}

export function lintReport(report: Report, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Severity, path: PropertyKey[], message: string, key = false) => {
    const { line, col } = ctx.locate(path, key);
    out.push({ file: ctx.file, line, col, path: formatPath(path), message, severity });
  };
  lintWeek(report, ctx, add);
  lintTickets(report, ctx, add);
  lintFootnotes(report, add);
  lintEventDates(report, add);
  report.sections.forEach((s, i) => {
    if (s.entries.length === 0 && !s.progress) {
      const name = s.title === undefined ? `section ${i + 1}` : `section "${s.title}"`;
      add("warning", ["sections", i], `${name} has no entries; add one, or say \`progress: none\``);
    }
    s.entries.forEach((e, j) => {
      const path = ["sections", i, "entries", j];
      if (e.progress && (e.notes?.length ?? 0) > 0)
        add("warning", [...path, "progress"], `progress: ${e.progress}, but the entry has notes too`);
      if (e.notes?.some((n) => n === STARTER_NOTE)) {
        add("warning", [...path, "notes"], "this is the example note `weekly new` writes; say what happened instead");
      }
      const id = e.ticket ?? e.tickets?.join(", ") ?? e.label;
      if (id !== undefined && !e.progress && !e.notes?.length && !e.todo?.length && e.text === undefined) {
        add("warning", path, `${id} has nothing to say: add notes, or \`progress: none\``);
      }
    });
  });
  return out;
}

type Add = (severity: Severity, path: PropertyKey[], message: string, key?: boolean) => void;

function lintWeek(report: Report, ctx: LintContext, add: Add) {
  const fromName = dateFromFileName(ctx.file);
  const date = report.week_ending ?? fromName;
  if (!date) {
    add(
      "error",
      [],
      "no week_ending: date, and the file name does not say one; " +
        "add `week_ending: YYYY-MM-DD` or name the file YYYY-MM-DD.yaml",
    );
    return;
  }
  if (report.week_ending && fromName && report.week_ending !== fromName) {
    add(
      "error",
      ["week_ending"],
      `week_ending is ${report.week_ending} but the file is named ${fromName}.yaml; one of them is wrong`,
    );
  }
  const day = weekdayOf(date);
  if (day !== ctx.weekEndsOn) {
    add(
      "warning",
      report.week_ending ? ["week_ending"] : [],
      `${date} is a ${cap(day)}; weeks end on ${cap(ctx.weekEndsOn)} (week_ends_on in weekly.config.yaml)`,
    );
  }
}

function lintTickets(report: Report, ctx: LintContext, add: Add) {
  const seen = new Map<string, PropertyKey[]>();
  report.sections.forEach((s, i) =>
    s.entries.forEach((e, j) => {
      const keys = e.ticket
        ? [[e.ticket, "ticket"] as const]
        : (e.tickets ?? []).map((k, n) => [k, ["tickets", n]] as const);
      for (const [key, field] of keys) {
        const path = ["sections", i, "entries", j, ...[field].flat()];
        const first = seen.get(key);
        if (!first) {
          seen.set(key, path);
          continue;
        }
        const at = ctx.locate(first);
        const where = `here and at line ${at.line} (${formatPath(first)})`;
        // Twice in one section is a block pasted twice; in two ("This week", "Next week") a layout.
        if (first[1] !== i) {
          const why = "weekly push posts one comment per ticket and refuses this; weekly team merges them";
          add("warning", path, `${key} is in two sections: ${where}; ${why}`);
        } else {
          const why = "was a block pasted twice? (an entry about several tickets names each once)";
          add("error", path, `${key} is reported twice: ${where}; ${why}`);
        }
      }
    }),
  );
}

function lintFootnotes(report: Report, add: Add) {
  const defined = new Map<string, PropertyKey[]>();
  const defineAll = (refs: Record<string, string[]> | undefined, base: PropertyKey[]) => {
    for (const n of Object.keys(refs ?? {})) {
      const path = [...base, n];
      const prev = defined.get(n);
      if (prev) add("error", path, `footnote [${n}] is defined twice (also at ${formatPath(prev)})`, true);
      else defined.set(n, path);
    }
  };
  report.sections.forEach((s, i) => defineAll(s.references, ["sections", i, "references"]));
  defineAll(report.references, ["references"]);

  // A footnote written inside a text (a paragraph of the author's own layout) is defined there.
  const inText = new Set<string>();
  for (const { text } of reportTexts(report))
    for (const m of text.matchAll(/^[ \t]*\[([1-9][0-9]*|[a-z])\][ \t]+\S/gm)) inText.add(m[1]!);
  const used = new Set<string>();
  for (const { text, path } of reportTexts(report)) {
    for (const m of text.matchAll(FOOTNOTE_CITE)) {
      const n = m[1]!;
      if (inText.has(n) && !defined.has(n)) continue;
      // [a] in a command or code is an index, not a footnote, unless the report letters its footnotes.
      if (/^[a-z]$/.test(n) && !defined.has(n)) continue;
      if (!defined.has(n) && !used.has(n))
        add("warning", path, `footnote [${n}] is used but not defined; add it under references:`);
      used.add(n);
    }
  }
  for (const [n, path] of defined) {
    if (!used.has(n)) add("warning", path, `footnote [${n}] is defined but never used in the text`, true);
  }
}

/** An event whose leading date is no day of the calendar ("Dec 40", "Feb 30", "13/01"). */
function lintEventDates(report: Report, add: Add) {
  for (const [k, text] of (report.events ?? []).entries()) {
    const bad = impossibleDate(text);
    if (bad)
      add(
        "warning",
        ["events", k],
        `${JSON.stringify(bad)} is not a day of the calendar; an event starts with its date, like "Dec 24"`,
      );
  }
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
