// The fake Jira's public types (documented in server.ts, which re-exports them).
export type Category = "new" | "indeterminate" | "done";

/** A workflow transition offered on an issue. */
export interface FakeTransition {
  id: string;
  name: string;
  /** The status it leads to. */
  to: string;
  /** Default guessed from `to` like FakeIssue.statusCategory. */
  toCategory?: Category;
  /** Statuses it is offered from (case-insensitive); absent: every status except `to`. */
  from?: string[];
  /** Default: true when it has `resolutions`. */
  hasScreen?: boolean;
  /** Resolution names its screen offers; without them a resolution given to it is a 400. */
  resolutions?: string[];
}

/** A comment the issue has from the start, as if posted earlier. */
export interface FakeComment {
  /** Numeric string; defaults to the next comment id. */
  id?: string;
  body: unknown;
  /** Author's display name; default the `myself` user. */
  author?: string;
  /** Jira format; default now. */
  created?: string;
  properties?: Record<string, unknown>;
}

export interface FakeIssue {
  key: string;
  /** Numeric string; defaults to 10000 + position in `issues`. */
  id?: string;
  summary: string;
  /** Status name; defaults to the category's name ("To Do"). */
  status?: string;
  /** Default guessed from `status`: Done/Closed/Resolved → done, To Do/Open/... → new, others indeterminate. */
  statusCategory?: Category;
  /** Display name; null or absent = unassigned. The `myself` user's display name makes it "mine". */
  assignee?: string | null;
  /** Absent: "Done" for a done issue, null otherwise. */
  resolution?: string | null;
  /** Jira format, e.g. 2022-11-10T09:12:33.000+0000. */
  updated?: string;
  /** Defaults to "Task". */
  issueType?: string;
  /** Old keys that now resolve to this issue. */
  movedFrom?: string[];
  /** Transitions of its workflow; default To Do → In Progress → In Review → Done (see transitions.ts). */
  transitions?: FakeTransition[];
  /** The caller lacks "transition issues": GET transitions lists none and every POST is a 400. */
  noTransitionPermission?: boolean;
  /** GET issue (and its comments, worklogs, ...) answer 403; bulkfetch and searches leave it out. */
  forbidden?: boolean;
  /** Issue entity properties it starts with. */
  properties?: Record<string, unknown>;
  comments?: FakeComment[];
}

export interface FakeJiraOptions {
  deployment: "cloud" | "datacenter";
  issues: FakeIssue[];
  /** What counts as valid credentials; without it every request is signed in. */
  auth?: { user?: string; token: string; scheme: "basic" | "bearer" };
  /** Added to every answer. */
  latencyMs?: number;
  /** e.g. "/jira" for a Data Center install under a path. */
  contextPath?: string;
  /** The signed-in user; default "Fake User". */
  myself?: { displayName: string; emailAddress?: string; accountId?: string; name?: string };
  /** 429 to writes on one issue beyond these (Cloud's per-issue write limit). */
  writeLimit?: { concurrentPerIssue?: number; maxWritesPerIssue?: number };
  /** Every request meets a login page instead of the API: "html" (200 text/html) or "redirect" (302 to SSO). */
  loginPage?: "html" | "redirect";
}

export type Endpoint =
  | "issue"
  | "bulkfetch"
  | "search/jql"
  | "search"
  | "myself"
  | "serverInfo"
  | "comment"
  | "comment/property"
  | "issue/property"
  | "transitions"
  | "worklog"
  | "login"
  | "unknown";

export interface LoggedRequest {
  method: string;
  /** As received, context path included, query excluded. */
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  headers: Record<string, string | undefined>;
  endpoint: Endpoint;
  /** The current key of the issue the request is about (comment properties: the comment's issue), if any. */
  issueKey?: string;
  /** The status answered; 0 while unanswered or when nothing was answered. */
  status: number;
}

/** Which requests a fault hits: all conditions given must hold. */
export interface FaultTarget {
  /** How many matching requests it hits; default 1. */
  times?: number;
  endpoint?: Endpoint;
  /** Only requests about this issue (any of its keys or its id). */
  key?: string;
  /** Only this HTTP method. */
  method?: string;
  /** Matching requests to let through before it starts hitting. */
  skip?: number;
}

export type Fault = FaultTarget &
  (
    | {
        kind: "status";
        status: number;
        retryAfter?: string;
        /** Extra headers, e.g. X-RateLimit-Reset or RateLimit-Reason. */
        headers?: Record<string, string>;
        /** Sent as is (JSON or text/plain by content) instead of the Jira error envelope. */
        body?: string;
      }
    | { kind: "slow"; delayMs: number }
    | { kind: "drop" }
    | { kind: "malformed" }
    /** A 200 whose JSON-looking body is `bytes` long, streamed in chunks. */
    | { kind: "hugeBody"; bytes: number }
    /** A 200 with well-formed JSON of the wrong shape; `json` replaces the default. */
    | { kind: "garbage"; json?: unknown }
  );

export interface CommentRecord {
  id: string;
  body: unknown;
  author: string;
  created: string;
  updated: string;
  visibility?: unknown;
  properties: Record<string, unknown>;
}

export interface WorklogRecord {
  id: string;
  started: string;
  timeSpentSeconds: number;
  timeSpent: string;
  comment?: unknown;
  author: string;
  created: string;
  updated: string;
}

export interface IssueStatus {
  status: string;
  statusCategory: Category;
  resolution: string | null;
}

export interface FakeJira {
  /** http://127.0.0.1:PORT plus the context path. */
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: LoggedRequest[];
  /** Clears the log and the queued faults (not the issues' comments, worklogs, ... nor write budgets). */
  reset(): void;
  fail(fault: Fault): void;
  setIssues(issues: FakeIssue[]): void;
  /** Copies of what is stored; each throws when no issue has that key. */
  comments(key: string): CommentRecord[];
  worklogs(key: string): WorklogRecord[];
  issueProperties(key: string): Record<string, unknown>;
  statusOf(key: string): IssueStatus;
  /** The logged POST, PUT and DELETE requests, except the read-by-POST endpoints bulkfetch, search/jql, search. */
  writes(): LoggedRequest[];
  /** Stops listening and closes every connection, keep-alive ones and those waiting on a delay included. */
  close(): Promise<void>;
}
