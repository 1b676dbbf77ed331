// How a push is recognised again, on any machine: each comment carries a comment property naming
// the tool, the week, the ticket and a hash of its text; each issue carries one issue property,
// the index of what was pushed for which week (comment and worklog ids), which one bulk read of
// all the report's tickets returns. The index only saves requests: the comments' own marks decide.
import * as z from "zod/mini";
import { sha256Hex } from "../../io/lazy-require.js";
import type { CommentJson } from "../../jira/write-answers.js";

export const ISSUE_PROPERTY = "weekly-report.push";
export const COMMENT_PROPERTY = "weekly-report.comment";
/** Weeks the index keeps (its value must stay under Jira's 32 KB). */
const KEPT_WEEKS = 60;

const Week = z.object({
  comment: z.optional(z.string()),
  hash: z.optional(z.string()),
  worklog: z.optional(z.string()),
  seconds: z.optional(z.number()),
  /** The status asked for (set_status as written) and the one the move led to. */
  status: z.optional(z.object({ asked: z.string(), to: z.string() })),
});
export type PushedWeek = z.output<typeof Week>;

const Index = z.object({ v: z.literal(1), weeks: z.record(z.string(), Week) });
export type PushIndex = z.output<typeof Index>;

const Mark = z.object({ tool: z.literal("weekly-report"), week: z.string(), ticket: z.string(), hash: z.string() });
export type CommentMark = z.output<typeof Mark>;

/** An issue's index as Jira holds it; an empty one when it has none, or one we cannot read. */
export function readIndex(value: unknown): { index: PushIndex; readable: boolean } {
  if (value === undefined || value === null) return { index: { v: 1, weeks: {} }, readable: true };
  const parsed = Index.safeParse(value);
  return parsed.success ? { index: parsed.data, readable: true } : { index: { v: 1, weeks: {} }, readable: false };
}

/** The index with `week` set to `pushed`, the oldest weeks dropped past KEPT_WEEKS. */
export function withWeek(index: PushIndex, week: string, pushed: PushedWeek): PushIndex {
  const weeks = { ...index.weeks, [week]: pushed };
  const kept = Object.keys(weeks).sort().slice(-KEPT_WEEKS);
  return { v: 1, weeks: Object.fromEntries(kept.map((w) => [w, weeks[w]!])) };
}

export const markOf = (week: string, ticket: string, hash: string): CommentMark => ({
  tool: "weekly-report",
  week,
  ticket,
  hash,
});

/** This tool's mark on a comment, if it has one. */
export function commentMark(comment: CommentJson): CommentMark | undefined {
  const value = comment.properties?.find((p) => p.key === COMMENT_PROPERTY)?.value;
  const parsed = Mark.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The hash that tells an unchanged comment: of its text, not of the body (which differs by Jira). */
export const textHash = (text: string) => sha256Hex(text).slice(0, 16);

/** The words a worklog of this tool carries (so that a lost answer is found again, not logged twice). */
export const worklogWords = (week: string) => `Weekly report, week ending ${week}`;
