// Before any write: what Jira has (one bulk read of the tickets with their push index, then per
// ticket the comment this tool posted for the week, the transitions, the week's worklog) and what
// each ticket needs: a comment new / updated / unchanged, a move From → To, a worklog. Every
// problem (an unknown key, a status no transition leads to, a resolution the screen lacks) is
// found here, all at once, before anything is written.
import { mapLimit } from "../../core/parallel.js";
import type { IssueJson } from "../../jira/answers.js";
import type { JiraClient } from "../../jira/client.js";
import { type RetryPolicy, withRetry } from "../../jira/retry.js";
import { RequestFailure } from "../../jira/transport.js";
import type { CommentJson, TransitionJson } from "../../jira/write-answers.js";
import type { JiraWriter } from "../../jira/writer.js";
import type { PushItem } from "./entries.js";
import { commentMark, ISSUE_PROPERTY, type PushIndex, readIndex, worklogWords } from "./marker.js";
import { instantOf, worklogStarted } from "./time.js";

export interface TicketPlan {
  item: PushItem;
  index: PushIndex;
  /** The issue's status now. */
  status: string;
  comment?: { action: "new" | "update" | "unchanged"; id?: string };
  move?: { from: string; to: string; transition: string; resolution?: string } | { same: string };
  worklog?: { action: "new" | "update" | "unchanged"; id?: string; started: string; comment: unknown };
}

export interface PlanContext {
  client: JiraClient;
  writer: JiraWriter;
  retry: RetryPolicy;
  weekEnding: string;
  timeZone?: string;
  /** Tickets looked at at once. */
  parallel: number;
  /** Jira Cloud (ADF bodies), else Data Center (text). */
  cloud: boolean;
}

const BATCH = 100;
const SLACK_MS = 36 * 3600_000;
/** Keys looked up one by one (moved or unknown), at most. */
const MAX_LOOKUPS = 20;

/** A ticket in two entries would get two comments (and each push would edit one into the other). */
function twice(items: readonly PushItem[]): { item: PushItem; message: string }[] {
  const seen = new Map<string, PushItem>();
  const out: { item: PushItem; message: string }[] = [];
  for (const item of items) {
    const first = seen.get(item.key);
    if (!first) seen.set(item.key, item);
    else out.push({ item, message: `${item.key} is in two entries; push posts one comment per ticket: merge them` });
  }
  return out;
}

export async function planPush(items: PushItem[], ctx: PlanContext) {
  const problems: { item: PushItem; message: string }[] = twice(items);
  for (const item of items) {
    if (item.worklog && item.worklog.seconds <= 0) {
      problems.push({ item, message: `${item.key}: time_spent ${item.worklog.spent} is no time to log` });
    }
  }
  const issues = await bulkRead([...new Set(items.map((i) => i.key))], ctx);
  const plans = await mapLimit(items, ctx.parallel, async (item): Promise<TicketPlan | undefined> => {
    const issue = issues.get(item.key);
    if (!issue) return void problems.push({ item, message: `${item.key} is not in Jira (or not visible to you)` });
    if (issue.key.toUpperCase() !== item.key) {
      return void problems.push({ item, message: `${item.key} has moved to ${issue.key} in Jira; write ${issue.key}` });
    }
    const { index } = readIndex(issue.properties?.[ISSUE_PROPERTY]);
    const status = issue.fields?.status?.name ?? "";
    const plan: TicketPlan = { item, index, status };
    if (item.comment) plan.comment = await planComment(item, index, issue, ctx);
    if (item.status) {
      const move = await planMove(item, status, index, ctx);
      if (typeof move === "string") problems.push({ item, message: move });
      else plan.move = move;
    }
    if (item.worklog) plan.worklog = await planWorklog(item, index, ctx);
    return plan;
  });
  return { plans: plans.filter((p): p is TicketPlan => p !== undefined), problems };
}

async function bulkRead(keys: string[], ctx: PlanContext): Promise<Map<string, IssueJson>> {
  const found = new Map<string, IssueJson>();
  const batches = [];
  for (let i = 0; i < keys.length; i += BATCH) batches.push(keys.slice(i, i + BATCH));
  for (const batch of batches) {
    // The index (issue property) and which comments each issue has: one request for all tickets.
    const answer = await withRetry(() => ctx.client.fetchIssues(batch, [ISSUE_PROPERTY], ["comment"]), ctx.retry);
    if (answer.failedLogin) {
      const message = "Jira did not accept your credentials (it answered as to an anonymous user)";
      throw new RequestFailure({ kind: "credentials", message });
    }
    for (const issue of answer.issues) found.set(issue.key.toUpperCase(), issue);
    // A moved key answers under its new key: find it by asking for the old one alone.
    for (const key of batch.filter((k) => !found.has(k)).slice(0, MAX_LOOKUPS)) {
      const moved = await withRetry(() => ctx.client.getIssue(key), ctx.retry).catch(() => undefined);
      if (moved) found.set(key, moved);
    }
  }
  return found;
}

/**
 * This week's comment on the ticket. The index names it and the bulk read says it still exists:
 * no more requests. Otherwise the comments' own marks decide (the index may lack it after a push
 * that failed half-way, or point at a comment deleted in Jira); an issue without comments has none.
 */
async function planComment(
  item: PushItem,
  index: PushIndex,
  issue: IssueJson,
  ctx: PlanContext,
): Promise<TicketPlan["comment"]> {
  const week = ctx.weekEnding;
  const hash = item.comment!.hash;
  const listed = issue.fields?.comment;
  const pushed = index.weeks[week];
  const complete = listed !== undefined && (listed.total ?? listed.comments.length) <= listed.comments.length;
  if (pushed?.comment && listed?.comments.some((c) => c.id === pushed.comment)) {
    return { action: pushed.hash === hash ? "unchanged" : "update", id: pushed.comment };
  }
  if (complete && listed.comments.length === 0) return { action: "new" };
  const mine = (c: CommentJson) => {
    const mark = commentMark(c);
    return mark && mark.week === week && mark.ticket === item.key ? mark : undefined;
  };
  const found = (await withRetry(() => ctx.writer.listComments(item.key), ctx.retry)).find((c) => mine(c));
  if (!found) return { action: "new" };
  return { action: mine(found)!.hash === hash ? "unchanged" : "update", id: found.id };
}

/** The transition to the wanted status: matched on the status it leads to, then on its name. */
async function planMove(
  item: PushItem,
  status: string,
  index: PushIndex,
  ctx: PlanContext,
): Promise<TicketPlan["move"] | string> {
  const want = item.status!;
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
  if (same(status, want.name)) return { same: status };
  // Asked for by a transition's name ("Resolve"), the status it led to is where the ticket is now.
  const moved = index.weeks[ctx.weekEnding]?.status;
  if (moved && same(moved.asked, want.name) && same(moved.to, status)) return { same: status };
  const transitions = await withRetry(() => ctx.writer.listTransitions(item.key), ctx.retry);
  const t =
    transitions.find((t) => t.to && same(t.to.name, want.name)) ?? transitions.find((t) => same(t.name, want.name));
  if (!t) {
    const targets = transitions.map((t) => t.to?.name ?? t.name);
    const list = targets.length ? `it can go to ${[...new Set(targets)].join(", ")}` : "Jira offers you no transition";
    return `${item.key} cannot move from ${status} to ${want.name}: ${list}`;
  }
  const resolution = want.resolution ? resolutionOf(t, want.resolution) : undefined;
  const offered = t.fields?.resolution?.allowedValues?.map((v) => v.name) ?? [];
  if (!want.resolution && t.fields?.resolution?.required) {
    const list = offered.length ? ` (it offers ${offered.join(", ")})` : "";
    return `${item.key}: the move to ${t.to?.name ?? t.name} needs a resolution: add resolution: to the entry${list}`;
  }
  if (want.resolution && !resolution) {
    const why = offered.length ? `it offers ${offered.join(", ")}` : "its screen has no resolution";
    return `${item.key}: the move to ${t.to?.name ?? t.name} cannot set resolution ${want.resolution}: ${why}`;
  }
  return { from: status, to: t.to?.name ?? t.name, transition: t.id, ...(resolution ? { resolution } : {}) };
}

function resolutionOf(t: TransitionJson, wanted: string): string | undefined {
  const allowed = t.fields?.resolution?.allowedValues ?? [];
  return allowed.find((v) => v.name.toLowerCase() === wanted.toLowerCase())?.name;
}

/**
 * The week's worklog: the one the index names if it still exists, else one marked with this
 * tool's words for the week (a push whose answer was lost); another's worklog is never taken.
 */
async function planWorklog(item: PushItem, index: PushIndex, ctx: PlanContext): Promise<TicketPlan["worklog"]> {
  const started = worklogStarted(ctx.weekEnding, ctx.timeZone);
  const words = worklogWords(ctx.weekEnding);
  const comment = ctx.cloud
    ? { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: words }] }] }
    : words;
  // A day and a half either side: another machine may count 09:00 in another time zone.
  const at = instantOf(started);
  const near = (w: { started?: string }) => w.started !== undefined && Math.abs(instantOf(w.started) - at) <= SLACK_MS;
  const logs = await withRetry(() => ctx.writer.listWorklogs(item.key, at - SLACK_MS), ctx.retry);
  const recorded = index.weeks[ctx.weekEnding]?.worklog;
  const marked = (w: { comment?: unknown }) => JSON.stringify(w.comment ?? "").includes(words);
  const mine = logs.find((w) => w.id === recorded) ?? logs.find((w) => near(w) && marked(w));
  if (!mine) return { action: "new", started, comment };
  const same = mine.timeSpentSeconds === item.worklog!.seconds;
  return { action: same ? "unchanged" : "update", id: mine.id, started, comment };
}
