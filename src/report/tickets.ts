// The ticket entries of a report, in order, with where each stands in the file.
import type { Entry, Report } from "./schema.js";

export interface TicketEntry {
  key: string;
  entry: Entry;
  /** Data path of the `ticket:` field, for line:col. */
  path: PropertyKey[];
}

export function ticketsOf(report: Report): TicketEntry[] {
  return report.sections.flatMap((s, i) =>
    s.entries.flatMap((entry, j) =>
      entry.ticket ? [{ key: entry.ticket, entry, path: ["sections", i, "entries", j, "ticket"] }] : [],
    ),
  );
}
