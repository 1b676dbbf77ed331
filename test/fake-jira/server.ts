/**
 * A fake Jira REST server for tests and benchmarks: a real node:http server on 127.0.0.1 (port 0, never another
 * address) answering like Jira Cloud or Data Center, with the shapes of /work/shared/reference/jira-rest-notes.md,
 * so the project's real Jira client is exercised over real HTTP.
 *
 *   const jira = await startFakeJira({ deployment: "cloud", issues: [{ key: "STR-68", summary: "Do thing" }] });
 *   await fetch(`${jira.url}/rest/api/3/issue/str-68`);   // 200, key "STR-68"
 *   jira.fail({ kind: "status", status: 429, retryAfter: "7", times: 2 });
 *   jira.requests;                                         // [{ endpoint: "issue", status: 200, ... }]
 *   await jira.close();
 *
 * Routes, under `contextPath` (endpoint names as logged in `requests` and matched by `Fault.endpoint`):
 *   issue       GET  /rest/api/{2,3}/issue/{idOrKey}   both; `fields` (comma list or repeated, default *all);
 *                                                      case-insensitive, moved keys answer with the current key
 *   bulkfetch   POST /rest/api/{2,3}/issue/bulkfetch   Cloud; 1–100 keys, missing ones absent, ascending id order
 *   search/jql  GET|POST /rest/api/{2,3}/search/jql    Cloud; `jql`, `fields` (default `id` only), `maxResults`
 *                                                      (1–5000, default 50), `nextPageToken` paging with `isLast`
 *   search      GET|POST /rest/api/{2,3,latest}/search Cloud: 410 (CHANGE-2046). Data Center: `jql`, `startAt`,
 *                                                      `maxResults`, `fields`, `validateQuery` (false drops
 *                                                      missing keys, otherwise they are a 400)
 *   myself, serverInfo  GET /rest/api/{2,3}/...        both; Data Center reports deploymentType "Server"
 * Data Center serves no /rest/api/3, no search/jql and no bulkfetch (404). JQL: see jql.ts; other JQL is a 400.
 * POST bodies must be application/json (else 415) and a JSON object (else 400).
 *
 * Auth, when `auth` is set: Cloud treats missing or wrong Basic credentials as an anonymous caller who sees no
 * issue (issue 404, searches and bulkfetch empty, /myself 401), adding `X-Seraph-LoginReason: AUTHENTICATED_FAILED`
 * when credentials were sent; a wrong Bearer token is a 403. Data Center answers 401 to everything unless the
 * credentials are right. A 401 is the plain line "Client must be authenticated to access this resource."
 *
 * Faults are queued with `fail()` and hit the next `times` (default 1) requests for `endpoint` (any when absent):
 * `status` answers that status (the Jira error envelope unless `body`; `Retry-After` when `retryAfter`); `slow`
 * answers normally after `delayMs`; `drop` destroys the socket; `malformed` is a 200 with truncated JSON.
 * `latencyMs` delays every answer. In `requests`, status 0 means nothing was answered (dropped, client gone, closed).
 */
import { createServer, STATUS_CODES } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createStore, makeMyself } from "./issues.js";
import type { IssueStore, Site } from "./issues.js";
import { classify, errorBody, JSON_TYPE, respond } from "./routes.js";
import type { Call, Reply } from "./routes.js";

export interface FakeIssue {
  key: string;
  /** Numeric string; defaults to 10000 + position in `issues`. */
  id?: string;
  summary: string;
  /** Status name; defaults to the category's name ("To Do"). */
  status?: string;
  /** Default guessed from `status`: Done/Closed/Resolved → done, To Do/Open/... → new, others indeterminate. */
  statusCategory?: "new" | "indeterminate" | "done";
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
}

export type Endpoint = "issue" | "bulkfetch" | "search/jql" | "search" | "myself" | "serverInfo" | "unknown";

export interface LoggedRequest {
  method: string;
  /** As received, context path included, query excluded. */
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  headers: Record<string, string | undefined>;
  endpoint: Endpoint;
  /** The status answered; 0 while unanswered or when nothing was answered. */
  status: number;
}

export type Fault =
  | {
      kind: "status";
      status: number;
      retryAfter?: string;
      /** Extra headers, e.g. X-RateLimit-Reset or RateLimit-Reason. */
      headers?: Record<string, string>;
      /** Sent as is (JSON or text/plain by content) instead of the Jira error envelope. */
      body?: string;
      times?: number;
      endpoint?: Endpoint;
    }
  | { kind: "slow"; delayMs: number; times?: number; endpoint?: Endpoint }
  | { kind: "drop"; times?: number; endpoint?: Endpoint }
  | { kind: "malformed"; times?: number; endpoint?: Endpoint };

export interface FakeJira {
  /** http://127.0.0.1:PORT plus the context path. */
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: LoggedRequest[];
  /** Clears the log and the queued faults. */
  reset(): void;
  fail(fault: Fault): void;
  setIssues(issues: FakeIssue[]): void;
  /** Stops listening and closes every connection, keep-alive ones and those waiting on a delay included. */
  close(): Promise<void>;
}

interface State {
  site: Site;
  store: IssueStore;
  opts: FakeJiraOptions;
  contextPath: string;
  requests: LoggedRequest[];
  faults: { fault: Fault; left: number }[];
  closing: AbortController;
}

export async function startFakeJira(opts: FakeJiraOptions): Promise<FakeJira> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const trimmed = (opts.contextPath ?? "").replace(/^\/+|\/+$/g, "");
  const contextPath = trimmed === "" ? "" : `/${trimmed}`;
  const base = `http://127.0.0.1:${port}${contextPath}`;
  const site = { deployment: opts.deployment, base, myself: makeMyself(opts.myself) };
  const store = createStore(opts.issues);
  const state: State = { site, store, opts, contextPath, requests: [], faults: [], closing: new AbortController() };
  // A request whose body cannot be read is not answered.
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(state, req, res).catch(() => res.destroy());
  });
  return {
    url: site.base,
    port,
    requests: state.requests,
    reset: () => {
      state.requests.length = 0;
      state.faults.length = 0;
    },
    fail: (fault) => {
      state.faults.push({ fault, left: fault.times ?? 1 });
    },
    setIssues: (issues) => {
      state.store = createStore(issues);
    },
    close: () => closeServer(server, state.closing),
  };
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const call = await readCall(req, url, state.contextPath);
  const route = classify(call.path);
  const entry = logRequest(state, url.pathname, call, route.endpoint);
  const fault = takeFault(state, route.endpoint);
  const delay = (state.opts.latencyMs ?? 0) + (fault?.kind === "slow" ? fault.delayMs : 0);
  if (!(await wait(delay, state.closing.signal))) return;
  if (fault?.kind === "drop" || req.socket.destroyed) return void req.socket.destroy();
  const { site, store, opts } = state;
  const reply = (fault && faultReply(fault)) ?? respondSafely(() => respond(call, route, site, store, opts.auth));
  entry.status = reply.status;
  res.writeHead(reply.status, { "Content-Type": reply.contentType ?? JSON_TYPE, ...reply.headers });
  res.end(reply.text ?? JSON.stringify(reply.json));
}

async function readCall(req: IncomingMessage, url: URL, contextPath: string): Promise<Call> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const inside = url.pathname === contextPath || url.pathname.startsWith(`${contextPath}/`);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [seen, value].flat();
  }
  const { body, badJson } = parseBody(raw);
  const path = inside ? url.pathname.slice(contextPath.length) : undefined;
  return { method: req.method ?? "GET", path, query, body, badJson, headers: req.headers };
}

/** False when the server closed meanwhile. */
async function wait(ms: number, closing: AbortSignal): Promise<boolean> {
  if (ms <= 0) return true;
  return sleep(ms, true, { signal: closing }).catch(() => false);
}

function parseBody(raw: string): { body: unknown; badJson: boolean } {
  if (raw === "") return { body: undefined, badJson: false };
  try {
    return { body: JSON.parse(raw), badJson: false };
  } catch {
    return { body: raw, badJson: true };
  }
}

function logRequest(state: State, path: string, call: Call, endpoint: Endpoint): LoggedRequest {
  const headers = Object.fromEntries(
    Object.entries(call.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
  const entry = { method: call.method, path, query: call.query, body: call.body, headers, endpoint, status: 0 };
  state.requests.push(entry);
  return entry;
}

function takeFault(state: State, endpoint: Endpoint): Fault | undefined {
  const index = state.faults.findIndex(({ fault }) => fault.endpoint === undefined || fault.endpoint === endpoint);
  const queued = state.faults[index];
  if (!queued) return undefined;
  queued.left -= 1;
  if (queued.left <= 0) state.faults.splice(index, 1);
  return queued.fault;
}

/** The answer a fault imposes; undefined for `slow` (answers normally) and `drop` (never answers). */
function faultReply(fault: Fault): Reply | undefined {
  if (fault.kind === "malformed") return { status: 200, text: '{"issues":[{"key":' };
  if (fault.kind !== "status") return undefined;
  const headers = { ...(fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter }), ...fault.headers };
  if (fault.body === undefined) {
    const message = fault.status === 429 ? "Rate limit exceeded." : (STATUS_CODES[fault.status] ?? "Error");
    return { status: fault.status, json: errorBody(message), headers };
  }
  const contentType = parseBody(fault.body).badJson ? "text/plain;charset=UTF-8" : JSON_TYPE;
  return { status: fault.status, text: fault.body, contentType, headers };
}

/** A bug in the fake shows as a 500 naming it, rather than as a hanging test. */
function respondSafely(answer: () => Reply): Reply {
  try {
    return answer();
  } catch (err) {
    return { status: 500, json: errorBody(`fake Jira bug: ${err instanceof Error ? err.message : String(err)}`) };
  }
}

async function closeServer(server: ReturnType<typeof createServer>, closing: AbortController): Promise<void> {
  if (closing.signal.aborted) return;
  closing.abort();
  const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  server.closeAllConnections();
  await closed;
}
