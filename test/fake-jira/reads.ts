// The fake Jira's issue reads: GET issue, Cloud bulkfetch and search/jql, Data Center search. Facts from
// jira-rest-notes.md §2.3, §4.1–§4.4 and §4.6; issue properties on reads from jira-write-notes.md.
import { issueJson } from "./issues.js";
import type { StoredIssue } from "./issues.js";
import { parseJql, runJql } from "./jql.js";
import { propertiesWanted, withProperties } from "./properties.js";
import type { WantedProperties } from "./properties.js";
import { badRequest, intParam, nameList, ok, withIssue } from "./reply.js";
import type { Call, Context, Handler, Reply, Route } from "./reply.js";

export const getIssue: Handler = withIssue((call, route, ctx, issue) => {
  const wanted = propertiesWanted(call.query.properties);
  if (isReply(wanted)) return wanted;
  const json = issueJson(issue, fieldList(call.query.fields, "*all"), ctx.site, route.version);
  return ok(withProperties(json, issue, wanted));
});

/** Cloud bulkfetch (notes §4.3): missing and invisible keys are simply absent; ascending id order. */
export function bulkFetch(call: Call, route: Route, ctx: Context): Reply {
  const params = call.body as Record<string, unknown>;
  const wanted = params.issueIdsOrKeys;
  const valid = Array.isArray(wanted) && wanted.every((k) => typeof k === "string");
  if (!valid || wanted.length === 0 || wanted.length > 100) {
    return badRequest("issueIdsOrKeys must list between 1 and 100 issue ids or keys.");
  }
  const properties = propertiesWanted(params.properties);
  if (isReply(properties)) return properties;
  const found = new Set(wanted.map((k: string) => ctx.store.find(k)).filter((i) => i !== undefined && !i.forbidden));
  const issues = [...(found as Set<StoredIssue>)].sort((a, b) => Number(a.id) - Number(b.id));
  const json = beans(issues, fieldList(params.fields, "*navigable"), properties, route, ctx);
  return ok({ issues: json, issueErrors: [] });
}

/** Cloud enhanced search (notes §2.3, §4.2): bounded JQL, `id` only by default, paged by nextPageToken. */
export function searchJql(call: Call, route: Route, ctx: Context): Reply {
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
  const properties = propertiesWanted(params.properties);
  if (isReply(properties)) return properties;
  const { issues } = runJql(jql, ctx.store, ctx.site.myself.displayName);
  const page = beans(issues.slice(offset, offset + max), fieldList(params.fields, "id"), properties, route, ctx);
  const more = offset + max < issues.length;
  return ok({ issues: page, ...(more ? { nextPageToken: encodeToken(offset + max) } : {}), isLast: !more });
}

/** Data Center search (notes §4.4, §4.6): startAt paging; a missing key is a 400 unless validateQuery is off. */
export function searchDataCenter(call: Call, route: Route, ctx: Context): Reply {
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
  const properties = propertiesWanted(params.properties);
  if (isReply(properties)) return properties;
  const from = Math.max(startAt, 0);
  const maxResults = Math.min(Math.max(asked, 0), 1000); // Data Center's default cap (jira.search.views.default.max)
  const fields = fieldList(params.fields, "*navigable");
  const page = beans(issues.slice(from, from + maxResults), fields, properties, route, ctx);
  return ok({ expand: "schema,names", startAt: from, maxResults, total: issues.length, issues: page });
}

function beans(issues: StoredIssue[], fields: string[], wanted: WantedProperties, route: Route, ctx: Context) {
  return issues.map((i) => withProperties(issueJson(i, fields, ctx.site, route.version), i, wanted));
}

const isReply = (value: unknown): value is Reply => typeof value === "object" && value !== null && "status" in value;

const paramsOf = (call: Call): Record<string, unknown> =>
  call.method === "POST" ? (call.body as Record<string, unknown>) : call.query;

/** Jira's `fields`: comma lists, repeated, or a JSON array; `fallback` when none is given. */
function fieldList(raw: unknown, fallback: string): string[] {
  const names = nameList(raw);
  return names.length > 0 ? names : [fallback];
}

/** Page tokens are opaque to clients; here they carry the offset of the next page. */
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeToken(raw: unknown): number | undefined {
  if (raw === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(String(raw), "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}
