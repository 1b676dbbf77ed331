/**
 * A fake Jira REST server for tests and benchmarks: a real node:http server on 127.0.0.1 (port 0, never another
 * address) answering like Jira Cloud or Data Center, with the shapes of /work/shared/reference/jira-rest-notes.md
 * (reads, errors, auth) and jira-write-notes.md (writes), so the project's real Jira client is exercised over HTTP.
 *
 *   const jira = await startFakeJira({ deployment: "cloud", issues: [{ key: "STR-68", summary: "Do thing" }] });
 *   await fetch(`${jira.url}/rest/api/3/issue/str-68`);   // 200, key "STR-68"
 *   jira.fail({ kind: "status", status: 429, retryAfter: "7", times: 2 });
 *   jira.requests;                                         // [{ endpoint: "issue", status: 200, ... }]
 *   jira.comments("STR-68");                               // what POST .../comment stored, properties included
 *   await jira.close();
 *
 * Reads, under `contextPath` + /rest/api/{2,3}/ (endpoint names as logged in `requests` and matched by faults):
 *   issue       GET  issue/{idOrKey}          both; `fields` (comma list or repeated, default *all); case-insensitive,
 *                                             moved keys answer with the current key; a forbidden issue is a 403
 *   bulkfetch   POST issue/bulkfetch          Cloud; 1–100 keys, missing and forbidden ones absent, ascending ids
 *   search/jql  GET|POST search/jql           Cloud; `jql`, `fields` (default `id` only), `maxResults` (1–5000,
 *                                             default 50), `nextPageToken` paging with `isLast`
 *   search      GET|POST search (+ latest)    Cloud: 410 (CHANGE-2046). Data Center: `jql`, `startAt`, `maxResults`,
 *                                             `fields`, `validateQuery` (false drops missing keys, else a 400)
 *   myself, serverInfo  GET                   both; Data Center reports deploymentType "Server"
 * These four issue reads take `properties` (comma list, repeated or array; `*all`, `-key`; over 5 keys is a 400):
 * each issue then has "properties": {key: value} with those that exist. JQL never sees forbidden issues.
 *
 * Writes, both deployments (facts of jira-write-notes.md):
 *   comment       POST issue/{key}/comment {body, visibility?, properties?: [{key, value}]} → 201 comment JSON;
 *                 GET issue/{key}/comment (startAt, maxResults default 100; expand=properties adds [{key, value}]);
 *                 GET | PUT (?notifyUsers, → 200) | DELETE (→ 204) issue/{key}/comment/{id}
 *   comment/property  GET comment/{id}/properties (keys); GET | PUT | DELETE comment/{id}/properties/{propertyKey}
 *   issue/property    GET issue/{key}/properties (keys); GET | PUT | DELETE issue/{key}/properties/{propertyKey}
 *                 PUT takes any non-empty JSON, key ≤ 255 characters, value ≤ 32 KB (else 400): 201 new,
 *                 200 updated; GET {key, value} or 404; DELETE 204
 *   transitions   GET issue/{key}/transitions: those offered from the current status (expand=transitions.fields
 *                 adds fields.resolution.allowedValues); POST {transition: {id}, fields?: {resolution: {name|id}}}
 *                 → 204, status/category/resolution change; 400 for an id not offered, a field not on the screen or
 *                 a resolution not allowed
 *   worklog       POST issue/{key}/worklog?adjustEstimate=&notifyUsers= {timeSpentSeconds | timeSpent (exactly one),
 *                 started, comment?} → 201; `started` is yyyy-MM-dd'T'HH:mm:ss.SSSZ with a numeric offset ("Z" is the
 *                 400 "Invalid date format"); GET issue/{key}/worklog (startAt, maxResults, startedAfter in ms);
 *                 GET | PUT issue/{key}/worklog/{id}
 * A comment body or worklog comment is ADF on Cloud v3 (a string is the 400 {"errorMessages":[],"errors":{"comment":
 * "Comment body is not valid!"}}; adf.ts lists the rules, the message names the first violation's JSON path) and a
 * string on v2 (an object is a 400; Cloud v2 drops a non-string worklog comment silently). Bodies are kept as sent.
 * Unknown issue: Jira's 404 envelope; forbidden issue: 403; unknown comment or worklog: 404.
 * Data Center serves no /rest/api/3, no search/jql and no bulkfetch (404). JQL: see jql.ts; other JQL is a 400.
 * POST and PUT bodies must be application/json (else 415) and a JSON object (else 400; property values excepted).
 *
 * Issues (FakeIssue) may set `transitions` (default: the workflow in transitions.ts, To Do → In Progress →
 * In Review → Done, "Start work", "Resolve" with a Fixed / Won't Fix / Duplicate screen), `noTransitionPermission`
 * (no transitions offered), `forbidden`, and `properties` and `comments` to start with.
 *
 * Auth, when `auth` is set: Cloud treats missing or wrong Basic credentials as an anonymous caller who sees no
 * issue (issue 404, searches and bulkfetch empty, /myself 401), adding `X-Seraph-LoginReason: AUTHENTICATED_FAILED`
 * when credentials were sent; a wrong Bearer token is a 403. Data Center answers 401 to everything unless the
 * credentials are right. A 401 is the plain line "Client must be authenticated to access this resource."
 *
 * `latencyMs` delays every answer. `writeLimit`: a write (POST, PUT, DELETE; not bulkfetch or searches) to an issue
 * while `concurrentPerIssue` others to it are unanswered, or beyond `maxWritesPerIssue` in the server's life, is a
 * 429 with Retry-After: 1 and RateLimit-Reason: jira-per-issue-on-write (give latencyMs so writes overlap).
 * `loginPage`: "html" answers every request 200 text/html with a Jira login page ("Log in - Jira"); "redirect"
 * answers 302 to http://127.0.0.1:OTHER_PORT/sso/login?continue=..., a second listener serving that page (logged as
 * endpoint "login"), so a client following redirects ends on HTML of another origin.
 *
 * Faults are queued with `fail()` and hit the next `times` (default 1) requests matching `endpoint`, `method` and
 * `key` (an issue's key or id; each condition: any when absent), after letting `skip` matching ones through.
 * `status` answers that status (the Jira error envelope unless `body`; `Retry-After` when `retryAfter`); `slow`
 * answers normally after `delayMs`; `drop` destroys the socket; `malformed` is a 200 with truncated JSON; `garbage`
 * a 200 with JSON of the wrong shape (`json`, default {"issues":[{"key":5,"fields":{"summary":["x"]}}]}); `hugeBody`
 * a 200 of exactly `bytes` bytes of JSON streamed in 64 KiB chunks. In `requests`, status 0 means nothing was
 * answered (dropped, client gone, closed); `issueKey` is the issue a request is about.
 * Helpers: comments(key), worklogs(key), issueProperties(key), statusOf(key) (copies; they throw for a key no issue
 * has) and writes(). reset() clears the log and the faults only.
 */
import { setMaxListeners } from "node:events";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { faultReply, loginPage, loginReply, queueFault, startSso, takeFault } from "./faults.js";
import type { QueuedFault } from "./faults.js";
import { createStore } from "./issues.js";
import type { IssueStore } from "./issues.js";
import { errorBody } from "./reply.js";
import type { Call, Reply, Route } from "./reply.js";
import { classify, respond } from "./routes.js";
import { makeMyself } from "./site.js";
import type { Site } from "./site.js";
import type { Endpoint, Fault, FakeJira, FakeJiraOptions, LoggedRequest } from "./types.js";
import { closeServers, listen, readCall, send, wait } from "./wire.js";
import { createLimiter, FREE, inspector, isWrite, issueKeyOf } from "./writes.js";
import type { Limiter } from "./writes.js";

export type * from "./types.js";

interface State {
  site: Site;
  store: IssueStore;
  opts: FakeJiraOptions;
  contextPath: string;
  requests: LoggedRequest[];
  faults: QueuedFault[];
  limiter: Limiter;
  /** Where "redirect" login pages send callers. */
  ssoOrigin: string;
  closing: AbortController;
}

export async function startFakeJira(opts: FakeJiraOptions): Promise<FakeJira> {
  const myself = makeMyself(opts.myself);
  const store = createStore(opts.issues, myself.displayName); // throws before anything listens
  const server = createServer();
  const port = await listen(server);
  const trimmed = (opts.contextPath ?? "").replace(/^\/+|\/+$/g, "");
  const contextPath = trimmed === "" ? "" : `/${trimmed}`;
  const site = { deployment: opts.deployment, base: `http://127.0.0.1:${port}${contextPath}`, myself };
  const sso = opts.loginPage === "redirect" ? await startSso() : undefined;
  const limiter = createLimiter(opts.writeLimit);
  const ssoOrigin = sso?.origin ?? `http://127.0.0.1:${port}`;
  const closing = new AbortController();
  // Every delayed answer waits on this signal: many requests in flight are many listeners, no leak.
  setMaxListeners(0, closing.signal);
  const state: State = { site, store, opts, contextPath, requests: [], faults: [], limiter, ssoOrigin, closing };
  // A request whose body cannot be read is not answered.
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(state, req, res).catch(() => res.destroy());
  });
  sso?.server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handleSso(state, req, res).catch(() => res.destroy());
  });
  return {
    url: site.base,
    port,
    requests: state.requests,
    reset: () => {
      state.requests.length = 0;
      state.faults.length = 0;
    },
    fail: (fault: Fault) => queueFault(state.faults, fault),
    setIssues: (issues) => {
      state.store = createStore(issues, myself.displayName);
    },
    ...inspector(() => state.store, state.requests),
    close: () => closeServers([server, ...(sso ? [sso.server] : [])], state.closing),
  };
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const call = await readCall(req, url, state.contextPath);
  const route = classify(call.path);
  const issueKey = issueKeyOf(state.store, route);
  const entry = logRequest(state, url.pathname, call, route.endpoint, issueKey);
  // Admitted at arrival, the write holds its slot until answered: that is what makes overlapping writes collide.
  const admission = isWrite(call.method, route.endpoint) ? state.limiter(issueKey) : FREE;
  try {
    const target = { endpoint: route.endpoint, method: call.method, issueKey };
    const fault = admission.refused ? undefined : takeFault(state.faults, target, state.store);
    const delay = (state.opts.latencyMs ?? 0) + (fault?.kind === "slow" ? fault.delayMs : 0);
    if (!(await wait(delay, state.closing.signal))) return;
    if (fault?.kind === "drop" || req.socket.destroyed) return void req.socket.destroy();
    const reply = admission.refused ?? (fault && faultReply(fault)) ?? answer(state, call, route, req.url ?? "/");
    entry.status = reply.status;
    await send(res, reply);
  } finally {
    admission.release();
  }
}

function answer(state: State, call: Call, route: Route, requestUrl: string): Reply {
  const { loginPage: mode, auth } = state.opts;
  if (mode) return loginReply(mode, state.ssoOrigin, `${new URL(state.site.base).origin}${requestUrl}`);
  return respondSafely(() => respond(call, route, state.site, state.store, auth));
}

/** The SSO listener: the login page at /sso/login, a 404 elsewhere. */
async function handleSso(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const entry = logRequest(state, url.pathname, await readCall(req, url, ""), "login", undefined);
  const missing = { status: 404, text: "Not Found", contentType: "text/plain;charset=UTF-8" };
  const reply = url.pathname === "/sso/login" ? loginPage() : missing;
  entry.status = reply.status;
  await send(res, reply);
}

/** A bug in the fake shows as a 500 naming it, rather than as a hanging test. */
function respondSafely(answer: () => Reply): Reply {
  try {
    return answer();
  } catch (err) {
    return { status: 500, json: errorBody(`fake Jira bug: ${err instanceof Error ? err.message : String(err)}`) };
  }
}

function logRequest(state: State, path: string, call: Call, endpoint: Endpoint, issueKey?: string): LoggedRequest {
  const headers = Object.fromEntries(
    Object.entries(call.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
  const about = issueKey === undefined ? {} : { issueKey };
  const { method, query, body } = call;
  const entry = { method, path, query, body, headers, endpoint, ...about, status: 0 };
  state.requests.push(entry);
  return entry;
}
