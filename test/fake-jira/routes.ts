// The fake Jira's routes: which endpoint a path names, what Cloud and Data Center serve, how each endpoint
// answers, and what missing or wrong credentials do. Facts from jira-rest-notes.md §2.2, §2.5, §4 and §4.5.
import type { IncomingHttpHeaders } from "node:http";
import { createStore, issueJson, myselfJson, serverInfoJson } from "./issues.js";
import type { IssueStore, Site } from "./issues.js";
import { parseJql, runJql } from "./jql.js";
import type { Endpoint, FakeJiraOptions } from "./server.js";

export const JSON_TYPE = "application/json;charset=UTF-8";

/** An answer: `json` is serialised; `text` is sent as it is. `contentType` defaults to JSON_TYPE. */
export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A parsed request; `path` is relative to the context path, undefined when the request is outside it. */
export interface Call {
  method: string;
  path: string | undefined;
  query: Record<string, string | string[]>;
  body: unknown;
  badJson: boolean;
  headers: IncomingHttpHeaders;
}

export interface Route {
  endpoint: Endpoint;
  version: string;
  key?: string;
}

interface Context {
  site: Site;
  store: IssueStore;
  signedIn: boolean;
}

type Handler = (call: Call, route: Route, ctx: Context) => Reply;

const API_PATH = /^\/rest\/api\/(2|3|latest)\/(.+)$/;
const NAMED: Endpoint[] = ["search/jql", "search", "myself", "serverInfo"];

/** The endpoint a path names, whatever the deployment (so the log shows what a client tried). */
export function classify(path: string | undefined): Route {
  const [, version = "", rest = ""] = API_PATH.exec(path ?? "") ?? [];
  if (!version) return { endpoint: "unknown", version };
  if (rest === "issue/bulkfetch") return { endpoint: "bulkfetch", version };
  const issue = /^issue\/([^/]+)$/.exec(rest);
  if (issue) return { endpoint: "issue", version, key: decode(issue[1] ?? "") };
  return { endpoint: NAMED.find((name) => name === rest) ?? "unknown", version };
}

/** The answer to a request that no fault intercepted. */
export function respond(call: Call, route: Route, site: Site, store: IssueStore, auth: FakeJiraOptions["auth"]): Reply {
  const credentials = checkCredentials(header(call.headers.authorization), auth);
  if (credentials !== "valid" && site.deployment === "datacenter") {
    return unauthenticated(call, site, credentials !== "missing");
  }
  if (credentials === "wrong-bearer") {
    const json = { error: "Failed to parse Connect Session Auth Token" };
    return { status: 403, json, contentType: "application/json" };
  }
  // Cloud treats missing or wrong Basic credentials as an anonymous caller, who here sees no issue at all.
  const signedIn = credentials === "valid";
  const reply = dispatch(call, route, { site, store: signedIn ? store : NOBODY, signedIn });
  if (credentials !== "wrong") return reply;
  return { ...reply, headers: { ...reply.headers, "X-Seraph-LoginReason": "AUTHENTICATED_FAILED" } };
}

const NOBODY = createStore([]);

type Credentials = "valid" | "missing" | "wrong" | "wrong-bearer";

function checkCredentials(authorization: string | undefined, auth: FakeJiraOptions["auth"]): Credentials {
  if (!auth) return "valid";
  if (!authorization) return "missing";
  const [scheme = "", value = ""] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === auth.scheme && credentialsMatch(value, auth)) return "valid";
  return scheme.toLowerCase() === "bearer" ? "wrong-bearer" : "wrong";
}

/** Basic without `auth.user` accepts any user name with the right token. */
function credentialsMatch(value: string, auth: NonNullable<FakeJiraOptions["auth"]>): boolean {
  if (auth.scheme === "bearer") return value === auth.token;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const userOk = auth.user === undefined || decoded.slice(0, colon) === auth.user;
  return colon >= 0 && userOk && decoded.slice(colon + 1) === auth.token;
}

/** 401 as Jira sends it: one plain line, whose Content-Type follows Accept (notes §4.5). */
function unauthenticated(call: Call, site: Site, failed: boolean): Reply {
  const accept = header(call.headers.accept);
  const type = accept === undefined ? "text/plain" : /application\/json/i.test(accept) ? "application/json" : "text/html";
  const contentType = `${type};charset=UTF-8`;
  const headers: Record<string, string> = { "WWW-Authenticate": `OAuth realm="${encodeURIComponent(site.base)}"` };
  if (failed) headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
  return { status: 401, text: "Client must be authenticated to access this resource.", contentType, headers };
}

const METHODS: Record<Exclude<Endpoint, "unknown">, string[]> = {
  issue: ["GET"],
  bulkfetch: ["POST"],
  "search/jql": ["GET", "POST"],
  search: ["GET", "POST"],
  myself: ["GET"],
  serverInfo: ["GET"],
};
const DATACENTER_SERVES: Endpoint[] = ["issue", "search", "myself", "serverInfo"];

function dispatch(call: Call, route: Route, ctx: Context): Reply {
  const { deployment } = ctx.site;
  const served = deployment === "cloud" || (route.version !== "3" && DATACENTER_SERVES.includes(route.endpoint));
  if (route.endpoint === "unknown" || !served) {
    return { status: 404, json: errorBody(`The fake Jira (${deployment}) has no ${call.method} ${call.path ?? ""}.`) };
  }
  const allowed = METHODS[route.endpoint];
  if (!allowed.includes(call.method)) {
    const headers = { Allow: allowed.join(", ") };
    return { status: 405, json: errorBody(`${call.method} is not allowed here.`), headers };
  }
  if (route.endpoint === "search" && deployment === "cloud") return { status: 410, json: errorBody(SEARCH_REMOVED) };
  const problem = call.method === "POST" ? bodyProblem(call) : undefined;
  return problem ?? HANDLERS[route.endpoint](call, route, ctx);
}

const SEARCH_REMOVED =
  "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. " +
  "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

/** POST bodies must be JSON objects sent as application/json. */
function bodyProblem(call: Call): Reply | undefined {
  const type = header(call.headers["content-type"]) ?? "";
  if (!/^application\/json\b/i.test(type)) {
    const detail = `Content-Type '${type}' is not supported; send application/json.`;
    const json = { type: "about:blank", title: "Unsupported Media Type", status: 415, detail };
    return { status: 415, json, contentType: "application/problem+json" };
  }
  const isObject = typeof call.body === "object" && call.body !== null && !Array.isArray(call.body);
  if (!call.badJson && isObject) return undefined;
  return badRequest("Invalid request payload. Refer to the REST API documentation and try again.");
}

const HANDLERS: Record<Exclude<Endpoint, "unknown">, Handler> = {
  issue: getIssue,
  bulkfetch: bulkFetch,
  "search/jql": searchJql,
  search: searchDataCenter,
  myself: (call, route, ctx) =>
    ctx.signedIn ? ok(myselfJson(ctx.site, route.version)) : unauthenticated(call, ctx.site, false),
  serverInfo: (_call, _route, ctx) => ok(serverInfoJson(ctx.site)),
};

const NOT_FOUND = "Issue does not exist or you do not have permission to see it.";

function getIssue(call: Call, route: Route, ctx: Context): Reply {
  const issue = ctx.store.find(route.key ?? "");
  if (!issue) return { status: 404, json: errorBody(NOT_FOUND) };
  return ok(issueJson(issue, fieldList(call.query.fields, "*all"), ctx.site, route.version));
}

/** Cloud bulkfetch (notes §4.3): missing keys are simply absent; ascending id order. */
function bulkFetch(call: Call, route: Route, ctx: Context): Reply {
  const params = call.body as Record<string, unknown>;
  const wanted = params.issueIdsOrKeys;
  const valid = Array.isArray(wanted) && wanted.every((k) => typeof k === "string");
  if (!valid || wanted.length === 0 || wanted.length > 100) {
    return badRequest("issueIdsOrKeys must list between 1 and 100 issue ids or keys.");
  }
  const found = new Set(wanted.map((k: string) => ctx.store.find(k)).filter((i) => i !== undefined));
  const issues = [...found].sort((a, b) => Number(a.id) - Number(b.id));
  const fields = fieldList(params.fields, "*navigable");
  return ok({ issues: issues.map((i) => issueJson(i, fields, ctx.site, route.version)), issueErrors: [] });
}

/** Cloud enhanced search (notes §2.3, §4.2): bounded JQL, `id` only by default, paged by nextPageToken. */
function searchJql(call: Call, route: Route, ctx: Context): Reply {
  const params = paramsOf(call);
  const jql = parseJql(typeof params.jql === "string" ? params.jql : "");
  if ("error" in jql) return badRequest(jql.error);
  if (jql.clauses.length === 0) {
    return badRequest("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
  }
  const max = intParam(params.maxResults, 50);
  if (max === undefined || max < 1 || max > 5000) return badRequest("maxResults must be between 1 and 5000.");
  const offset = decodeToken(params.nextPageToken);
  if (offset === undefined) return badRequest("The nextPageToken is invalid.");
  const { issues } = runJql(jql, ctx.store, ctx.site.myself.displayName);
  const fields = fieldList(params.fields, "id");
  const page = issues.slice(offset, offset + max).map((i) => issueJson(i, fields, ctx.site, route.version));
  const more = offset + max < issues.length;
  return ok({ issues: page, ...(more ? { nextPageToken: encodeToken(offset + max) } : {}), isLast: !more });
}

/** Data Center search (notes §4.4, §4.6): startAt paging; a missing key is a 400 unless validateQuery is off. */
function searchDataCenter(call: Call, route: Route, ctx: Context): Reply {
  const params = paramsOf(call);
  const jql = parseJql(typeof params.jql === "string" ? params.jql : "");
  if ("error" in jql) return badRequest(jql.error);
  const { issues, missing } = runJql(jql, ctx.store, ctx.site.myself.displayName);
  if (missing.length > 0 && !["false", "warn", "none"].includes(String(params.validateQuery))) {
    return badRequest(...missing.map((key) => `An issue with key '${key}' does not exist for field 'key'.`));
  }
  const startAt = intParam(params.startAt, 0);
  const asked = intParam(params.maxResults, 50);
  if (startAt === undefined || asked === undefined) return badRequest("startAt and maxResults must be integers.");
  const from = Math.max(startAt, 0);
  const maxResults = Math.min(Math.max(asked, 0), 1000); // Data Center's default cap (jira.search.views.default.max)
  const fields = fieldList(params.fields, "*navigable");
  const page = issues.slice(from, from + maxResults).map((i) => issueJson(i, fields, ctx.site, route.version));
  return ok({ expand: "schema,names", startAt: from, maxResults, total: issues.length, issues: page });
}

const paramsOf = (call: Call): Record<string, unknown> =>
  call.method === "POST" ? (call.body as Record<string, unknown>) : call.query;

/** Jira's `fields`: comma lists, repeated, or a JSON array; `fallback` when none is given. */
function fieldList(raw: unknown, fallback: string): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
  return names.length > 0 ? names : [fallback];
}

function intParam(raw: unknown, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  const text = typeof raw === "string" ? raw.trim() : "";
  const n = typeof raw === "number" ? raw : /^-?\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** Page tokens are opaque to clients; here they carry the offset of the next page. */
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeToken(raw: unknown): number | undefined {
  if (raw === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(String(raw), "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

export const errorBody = (...errorMessages: string[]) => ({ errorMessages, errors: {} });
const ok = (json: unknown): Reply => ({ status: 200, json });
const badRequest = (...messages: string[]): Reply => ({ status: 400, json: errorBody(...messages) });
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
