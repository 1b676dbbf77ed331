// The writes of a plan: tickets in parallel, each ticket's requests in order (Jira Cloud limits
// writes per issue): the comment (marked as this tool's), the worklog, the index that finds both
// next time, then the move. A ticket's failure stops that ticket only; what went through is
// recorded in its index even so, so that a rerun completes the rest without duplicating any.
import { mapLimit } from "../../core/parallel.js";
import { describeFailure } from "../../jira/failures.js";
import { type RetryPolicy, withRetry } from "../../jira/retry.js";
import { failureOf } from "../../jira/transport.js";
import type { JiraWriter } from "../../jira/writer.js";
import { COMMENT_PROPERTY, ISSUE_PROPERTY, markOf, type PushedWeek, withWeek } from "./marker.js";
import type { TicketPlan } from "./plan.js";

export interface TicketResult {
  key: string;
  /** What was written, in words: "comment posted", "moved to In Review", ... */
  done: string[];
  /** Why the ticket stopped, if it did. */
  failed?: string;
}

export interface ApplyContext {
  writer: JiraWriter;
  retry: RetryPolicy;
  weekEnding: string;
  url: string;
  parallel: number;
}

/** Whether the plan writes anything for the ticket. */
export const writes = (p: TicketPlan) =>
  (p.comment !== undefined && p.comment.action !== "unchanged") ||
  (p.move !== undefined && !("same" in p.move)) ||
  (p.worklog !== undefined && p.worklog.action !== "unchanged");

export function applyPlan(plans: TicketPlan[], ctx: ApplyContext): Promise<TicketResult[]> {
  return mapLimit(plans.filter(writes), ctx.parallel, (plan) => applyTicket(plan, ctx));
}

async function applyTicket(plan: TicketPlan, ctx: ApplyContext): Promise<TicketResult> {
  const { writer, retry, weekEnding: week } = ctx;
  const { key } = plan.item;
  const result: TicketResult = { key, done: [] };
  const pushed: PushedWeek = { ...plan.index.weeks[week] };
  let changed = false;
  const step = async (what: string, write: () => Promise<unknown>, idempotent = true) => {
    await withRetry(write, retry, idempotent);
    if (what) result.done.push(what);
    changed = true;
  };
  try {
    const c = plan.comment;
    const comment = plan.item.comment;
    if (c && comment && c.action !== "unchanged") {
      const mark = { key: COMMENT_PROPERTY, value: markOf(week, key, comment.hash) };
      if (c.action === "new") {
        // The id is kept at once: whatever fails after it, the next push edits this comment.
        await step(
          "comment posted",
          async () => (pushed.comment = await writer.addComment(key, comment.body, mark)),
          false,
        );
        pushed.hash = comment.hash;
        if (!writer.marksOnCreate) await step("", () => writer.markComment(pushed.comment!, mark));
      } else {
        await step("comment updated", () => writer.updateComment(key, c.id!, comment.body, mark));
        pushed.comment = c.id!;
        pushed.hash = comment.hash;
      }
    }
    const w = plan.worklog;
    const log = plan.item.worklog;
    if (w && log && w.action !== "unchanged") {
      const worklog = { started: w.started, timeSpentSeconds: log.seconds, comment: w.comment };
      if (w.action === "new") {
        await step(`${log.spent} logged`, async () => (pushed.worklog = await writer.addWorklog(key, worklog)), false);
      } else {
        await step(`worklog set to ${log.spent}`, () => writer.updateWorklog(key, w.id!, worklog));
        pushed.worklog = w.id!;
      }
      pushed.seconds = log.seconds;
    }
    const m = plan.move;
    if (m && !("same" in m)) {
      await step(`moved to ${m.to}`, () => writer.transition(key, m.transition, m.resolution));
      pushed.status = { asked: plan.item.status!.name, to: m.to };
    }
    if (changed) await record(plan, pushed, ctx);
  } catch (e) {
    result.failed = describeFailure(failureOf(e), ctx.url);
    // What went through is remembered even so: the rerun edits it instead of posting it again.
    if (changed) await record(plan, pushed, ctx).catch(() => undefined);
  }
  return result;
}

function record(plan: TicketPlan, pushed: PushedWeek, ctx: ApplyContext): Promise<void> {
  const index = withWeek(plan.index, ctx.weekEnding, pushed);
  return withRetry(() => ctx.writer.setIssueProperty(plan.item.key, ISSUE_PROPERTY, index), ctx.retry);
}
