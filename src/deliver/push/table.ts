// The plan and the outcome of a push as tables, one ticket a line, for a terminal or a log.
import type { TicketResult } from "./apply.js";
import { writes } from "./apply.js";
import type { TicketPlan } from "./plan.js";
import { spentText } from "./time.js";

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === cells.length - 1 ? c : c.padEnd(widths[k]!)))
      .join("  ")
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join("\n")}\n`;
}

export function planTable(plans: TicketPlan[]): string {
  const rows = plans.map((p) => [p.item.key, commentCell(p), moveCell(p), worklogCell(p)]);
  return table(["TICKET", "COMMENT", "STATUS", "WORKLOG"], rows);
}

const commentCell = (p: TicketPlan) =>
  !p.comment ? "-" : p.comment.action === "new" ? "new" : p.comment.action === "update" ? "updated" : "unchanged";

function moveCell(p: TicketPlan): string {
  if (!p.move) return "-";
  if ("same" in p.move) return `${p.move.same} (already)`;
  return `${p.move.from || "?"} → ${p.move.to}${p.move.resolution ? ` (${p.move.resolution})` : ""}`;
}

function worklogCell(p: TicketPlan): string {
  if (!p.worklog || !p.item.worklog) return "-";
  const spent = spentText(p.item.worklog.seconds);
  return p.worklog.action === "new"
    ? `${spent} (new)`
    : p.worklog.action === "update"
      ? `${spent} (updated)`
      : `${spent} (unchanged)`;
}

/** What happened to each ticket: applied, failed (why), or skipped (nothing to write). */
export function resultTable(plans: TicketPlan[], results: TicketResult[]): string {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const rows = plans.map((p) => {
    const r = byKey.get(p.item.key);
    if (!writes(p) || !r) return [p.item.key, "skipped", "nothing to change"];
    if (r.failed)
      return [p.item.key, "failed", [r.failed, r.done.length ? `(done: ${r.done.join(", ")})` : ""].join(" ").trim()];
    return [p.item.key, "applied", r.done.join(", ")];
  });
  return table(["TICKET", "RESULT", ""], rows);
}

/** One line that sums a plan up: "3 comments new, 1 updated; 1 move; 2 worklogs". */
export function planSummary(plans: TicketPlan[]): string {
  const count = (f: (p: TicketPlan) => boolean) => plans.filter(f).length;
  const parts = [
    [count((p) => p.comment?.action === "new"), "new comment"],
    [count((p) => p.comment?.action === "update"), "updated comment"],
    [count((p) => p.move !== undefined && !("same" in p.move)), "move"],
    [count((p) => p.worklog !== undefined && p.worklog.action !== "unchanged"), "worklog"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`);
  return said.length ? said.join(", ") : "nothing to change";
}
