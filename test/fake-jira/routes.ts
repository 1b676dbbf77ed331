// The fake Jira's routes: which endpoint a path names, what Cloud and Data Center serve, which methods each path
// takes, and what missing or wrong credentials do. Facts from jira-rest-notes.md §2.2, §2.5, §4 and §4.5.
import { comments } from "./comments.js";
import { createStore } from "./issues.js";
import type { IssueStore } from "./issues.js";
import { commentProperty, issueProperty } from "./properties.js";
import { bulkFetch, getIssue, searchDataCenter, searchJql } from "./reads.js";
import { badRequest, decode, errorBody, header, isObject, ok } from "./reply.js";
import type { Call, Context, Handler, Reply, Route } from "./reply.js";
import { myselfJson, serverInfoJson } from "./site.js";
import type { Site } from "./site.js";
import { transitions } from "./transitions.js";
import type { Endpoint, FakeJiraOptions } from "./types.js";
import { worklogs } from "./worklogs.js";

export { errorBody, JSON_TYPE } from "./reply.js";
export type { Call, Reply, Route } from "./reply.js";

interface Pattern {
  path: RegExp;
  endpoint: Endpoint;
  /** The names of the path's {placeholders}, in order. */
  groups: string[];
  handlers: Partial<Record<string, Handler>>;
  extra: Pick<Route, "cloudOnly" | "anyJson">;
}

/** A path template such as "issue/{key}/comment/{id}", relative to /rest/api/{version}/. */
function pattern(template: string, endpoint: Endpoint, handlers: Pattern["handlers"], extra: Pattern["extra"] = {}) {
  const groups = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const path = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`);
  return { path, endpoint, groups, handlers, extra };
}

const myself: Handler = (call, route, ctx) =>
  ctx.signedIn ? ok(myselfJson(ctx.site, route.version)) : unauthenticated(call, ctx.site, false);
const properties = (h: typeof issueProperty) => ({ GET: h.get, PUT: h.put, DELETE: h.remove });

// First match wins, so issue/bulkfetch comes before issue/{key}.
const PATTERNS: Pattern[] = [
  pattern("issue/bulkfetch", "bulkfetch", { POST: bulkFetch }, { cloudOnly: true }),
  pattern("issue/{key}", "issue", { GET: getIssue }),
  pattern("issue/{key}/comment", "comment", { GET: comments.list, POST: comments.add }),
  pattern("issue/{key}/comment/{id}", "comment", { GET: comments.get, PUT: comments.update, DELETE: comments.remove }),
  pattern("comment/{id}/properties", "comment/property", { GET: commentProperty.list }),
  pattern("comment/{id}/properties/{property}", "comment/property", properties(commentProperty), { anyJson: true }),
  pattern("issue/{key}/properties", "issue/property", { GET: issueProperty.list }),
  pattern("issue/{key}/properties/{property}", "issue/property", properties(issueProperty), { anyJson: true }),
  pattern("issue/{key}/transitions", "transitions", { GET: transitions.list, POST: transitions.perform }),
  pattern("issue/{key}/worklog", "worklog", { GET: worklogs.list, POST: worklogs.add }),
  pattern("issue/{key}/worklog/{id}", "worklog", { GET: worklogs.get, PUT: worklogs.update }),
  pattern("search/jql", "search/jql", { GET: searchJql, POST: searchJql }, { cloudOnly: true }),
  pattern("search", "search", { GET: searchDataCenter, POST: searchDataCenter }),
  pattern("myself", "myself", { GET: myself }),
  pattern("serverInfo", "serverInfo", { GET: (_call, _route, ctx) => ok(serverInfoJson(ctx.site)) }),
];

const API_PATH = /^\/rest\/api\/(2|3|latest)\/(.+)$/;

/** The endpoint a path names, whatever the deployment (so the log shows what a client tried). */
export function classify(path: string | undefined): Route {
  const [, version = "", rest = ""] = API_PATH.exec(path ?? "") ?? [];
  if (!version) return { endpoint: "unknown", version };
  for (const { path: template, endpoint, groups, handlers, extra } of PATTERNS) {
    const match = template.exec(rest);
    if (!match) continue;
    const parts = Object.fromEntries(groups.map((name, i) => [name, decode(match[i + 1] ?? "")]));
    return { endpoint, version, ...parts, handlers, ...extra };
  }
  return { endpoint: "unknown", version };
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
  const json = accept !== undefined && /application\/json/i.test(accept);
  const type = accept === undefined ? "text/plain" : json ? "application/json" : "text/html";
  const contentType = `${type};charset=UTF-8`;
  const headers: Record<string, string> = { "WWW-Authenticate": `OAuth realm="${encodeURIComponent(site.base)}"` };
  if (failed) headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
  return { status: 401, text: "Client must be authenticated to access this resource.", contentType, headers };
}

function dispatch(call: Call, route: Route, ctx: Context): Reply {
  const { deployment } = ctx.site;
  const served = deployment === "cloud" || (route.version !== "3" && !route.cloudOnly);
  if (!route.handlers || !served) {
    return { status: 404, json: errorBody(`The fake Jira (${deployment}) has no ${call.method} ${call.path ?? ""}.`) };
  }
  const handler = route.handlers[call.method];
  if (!handler) {
    const headers = { Allow: Object.keys(route.handlers).join(", ") };
    return { status: 405, json: errorBody(`${call.method} is not allowed here.`), headers };
  }
  if (route.endpoint === "search" && deployment === "cloud") return { status: 410, json: errorBody(SEARCH_REMOVED) };
  return bodyProblem(call, route) ?? handler(call, route, ctx);
}

const SEARCH_REMOVED =
  "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. " +
  "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

/** POST and PUT bodies must be sent as application/json, and be JSON objects except for property values. */
function bodyProblem(call: Call, route: Route): Reply | undefined {
  if (call.method !== "POST" && call.method !== "PUT") return undefined;
  // An empty or unparsable property value is the property handler's 400.
  if (route.anyJson && call.body === undefined) return undefined;
  const type = header(call.headers["content-type"]) ?? "";
  if (!/^application\/json\b/i.test(type)) {
    const detail = `Content-Type '${type}' is not supported; send application/json.`;
    const json = { type: "about:blank", title: "Unsupported Media Type", status: 415, detail };
    return { status: 415, json, contentType: "application/problem+json" };
  }
  if (route.anyJson || (!call.badJson && isObject(call.body))) return undefined;
  return badRequest("Invalid request payload. Refer to the REST API documentation and try again.");
}
