// Writes as the fake sees them: which requests are writes and which issue they are about; Cloud's per-issue write
// limit (jira-write-notes.md, "Rate limits"; RateLimit-Reason jira-per-issue-on-write in jira-rest-notes.md §4.5);
// and the FakeJira handle's views of what writes stored: copies, so a test cannot change the fake by accident, and a
// loud error for a key no issue has (a typo in a test, not an empty answer).
import { CATEGORIES, categoryOf, resolutionOf } from "./issues.js";
import type { IssueStore, StoredComment, StoredIssue, StoredWorklog } from "./issues.js";
import { errorBody } from "./reply.js";
import type { Reply, Route } from "./reply.js";
import type { CommentRecord, Endpoint, FakeJira, FakeJiraOptions, IssueStatus } from "./types.js";
import type { LoggedRequest, WorklogRecord } from "./types.js";
import { formatDuration } from "./worklogs.js";

// POSTs that only read.
const READS_BY_POST: Endpoint[] = ["bulkfetch", "search/jql", "search"];

export function isWrite(method: string, endpoint: Endpoint): boolean {
  return ["POST", "PUT", "DELETE"].includes(method.toUpperCase()) && !READS_BY_POST.includes(endpoint);
}

/** The current key of the issue a request is about (comment properties: the comment's issue), if it names one. */
export function issueKeyOf(store: IssueStore, route: Route): string | undefined {
  if (route.key !== undefined) return store.find(route.key)?.key ?? route.key.trim().toUpperCase();
  if (route.endpoint === "comment/property") return store.findComment(route.id ?? "")?.issue.key;
  return undefined;
}

/** `refused` is the 429 to answer instead; `release` ends the write's slot once it is answered. */
export interface Admission {
  refused?: Reply;
  release(): void;
}

export type Limiter = (issueKey: string | undefined) => Admission;

export const FREE: Admission = { release: () => {} };

/**
 * A write to an issue while `concurrentPerIssue` others to it are still unanswered, or beyond `maxWritesPerIssue`
 * in the server's life, is refused with a 429 and Retry-After: 1. Writes to other issues are unaffected.
 */
export function createLimiter(limit: FakeJiraOptions["writeLimit"]): Limiter {
  const busy = new Map<string, number>();
  const used = new Map<string, number>();
  return (issueKey) => {
    if (!limit || issueKey === undefined) return FREE;
    const inFlight = busy.get(issueKey) ?? 0;
    const spent = used.get(issueKey) ?? 0;
    const busyNow = inFlight >= (limit.concurrentPerIssue ?? Infinity);
    if (busyNow || spent >= (limit.maxWritesPerIssue ?? Infinity)) return { refused: rateLimited(), release: () => {} };
    busy.set(issueKey, inFlight + 1);
    used.set(issueKey, spent + 1);
    let released = false;
    const release = () => {
      if (!released) busy.set(issueKey, (busy.get(issueKey) ?? 1) - 1);
      released = true;
    };
    return { release };
  };
}

function rateLimited(): Reply {
  const headers = { "Retry-After": "1", "RateLimit-Reason": "jira-per-issue-on-write" };
  return { status: 429, json: errorBody("Rate limit exceeded."), headers };
}

type Views = Pick<FakeJira, "comments" | "worklogs" | "issueProperties" | "statusOf" | "writes">;

export function inspector(store: () => IssueStore, requests: LoggedRequest[]): Views {
  const issue = (key: string): StoredIssue => {
    const found = store().find(key);
    if (!found) throw new Error(`fake Jira: no issue has the key "${key}"`);
    return found;
  };
  return {
    comments: (key) => issue(key).records.comments.map(commentRecord),
    worklogs: (key) => issue(key).records.worklogs.map(worklogRecord),
    issueProperties: (key) => structuredClone(Object.fromEntries(issue(key).records.properties)),
    statusOf: (key) => statusRecord(issue(key)),
    writes: () => requests.filter((r) => isWrite(r.method, r.endpoint)),
  };
}

function commentRecord(c: StoredComment): CommentRecord {
  const visibility = c.visibility === undefined ? {} : { visibility: c.visibility };
  const record = { id: c.id, body: c.body, author: c.author, created: c.created, updated: c.updated, ...visibility };
  return structuredClone({ ...record, properties: Object.fromEntries(c.properties) });
}

function worklogRecord(w: StoredWorklog): WorklogRecord {
  const spent = { timeSpentSeconds: w.timeSpentSeconds, timeSpent: formatDuration(w.timeSpentSeconds) };
  const comment = w.comment === undefined ? {} : { comment: w.comment };
  const times = { author: w.author, created: w.created, updated: w.updated };
  return structuredClone({ id: w.id, started: w.started, ...spent, ...comment, ...times });
}

function statusRecord(issue: StoredIssue): IssueStatus {
  const statusCategory = categoryOf(issue);
  return { status: issue.status ?? CATEGORIES[statusCategory].name, statusCategory, resolution: resolutionOf(issue) };
}
