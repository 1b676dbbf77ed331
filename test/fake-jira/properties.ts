// Entity properties of issues and comments (jira-write-notes.md): PUT any non-empty JSON (key ≤ 255 characters,
// value ≤ 32 KB; 201 created, 200 updated), GET {key, value} (404 when absent), DELETE 204, GET the keys. Reads of
// issues return the properties they ask for (at most 5 keys) as "properties": {key: value}.
import type { StoredIssue } from "./issues.js";
import { badRequest, created, isObject, nameList, noContent, notFound, ok, withComment, withIssue } from "./reply.js";
import type { Call, Handler, Reply, Route } from "./reply.js";
import { apiBase } from "./site.js";

const MAX_KEY = 255;
const MAX_VALUE_BYTES = 32 * 1024;
const MAX_WANTED = 5;

/** The issue properties a read asks for; undefined when it asks for none. `*all` and `-key` are understood. */
export type WantedProperties = { all: boolean; keys: string[]; without: string[] } | undefined;

export function propertiesWanted(raw: unknown): WantedProperties | Reply {
  const names = nameList(raw);
  if (names.length === 0) return undefined;
  const keys = names.filter((name) => name !== "*all" && !name.startsWith("-"));
  if (keys.length > MAX_WANTED) return badRequest(`At most ${MAX_WANTED} issue properties can be requested.`);
  const without = names.filter((name) => name.startsWith("-")).map((name) => name.slice(1));
  return { all: names.includes("*all"), keys, without };
}

/** The IssueBean with "properties" holding those asked for that exist; unchanged when none were asked for. */
export function withProperties(json: object, issue: StoredIssue, wanted: WantedProperties): object {
  if (!wanted) return json;
  const entries = [...issue.records.properties].filter(
    ([key]) => (wanted.all || wanted.keys.includes(key)) && !wanted.without.includes(key),
  );
  return { ...json, properties: Object.fromEntries(structuredClone(entries)) };
}

/** Why a key or value is refused, if it is. */
function valueProblem(key: string, value: unknown): Reply | undefined {
  if (key === "") return badRequest("The property key cannot be empty.");
  if (key.length > MAX_KEY) return badRequest(`The property key cannot be longer than ${MAX_KEY} characters.`);
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES) {
    return badRequest(`The property value cannot be longer than ${MAX_VALUE_BYTES} bytes.`);
  }
  return undefined;
}

/** The `properties: [{key, value}]` of a comment create or update, or the 400. */
export function propertyEntries(raw: unknown): [string, unknown][] | Reply {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return badRequest("properties must be a list of {key, value}.");
  const entries: [string, unknown][] = [];
  for (const item of raw) {
    if (!isObject(item) || typeof item.key !== "string" || item.value === undefined) {
      return badRequest("properties must be a list of {key, value}.");
    }
    const problem = valueProblem(item.key, item.value);
    if (problem) return problem;
    entries.push([item.key, structuredClone(item.value)]);
  }
  return entries;
}

function put(map: Map<string, unknown>, call: Call, route: Route): Reply {
  const key = route.property ?? "";
  if (call.body === undefined) return badRequest("The property value cannot be empty.");
  if (call.badJson) return badRequest("The property value is not valid JSON.");
  const problem = valueProblem(key, call.body);
  if (problem) return problem;
  const existed = map.has(key);
  map.set(key, structuredClone(call.body));
  return existed ? { status: 200, text: "" } : created();
}

function get(map: Map<string, unknown>, route: Route): Reply {
  const key = route.property ?? "";
  if (!map.has(key)) return notFound(`The property with key '${key}' does not exist.`);
  return ok({ key, value: map.get(key) });
}

function remove(map: Map<string, unknown>, route: Route): Reply {
  const key = route.property ?? "";
  if (!map.delete(key)) return notFound(`The property with key '${key}' does not exist.`);
  return noContent();
}

function keys(map: Map<string, unknown>, self: string): Reply {
  return ok({ keys: [...map.keys()].map((key) => ({ self: `${self}/${encodeURIComponent(key)}`, key })) });
}

export const issueProperty: Record<"list" | "get" | "put" | "remove", Handler> = {
  list: withIssue((_call, route, ctx, issue) => {
    return keys(issue.records.properties, `${apiBase(ctx.site, route.version)}/issue/${issue.id}/properties`);
  }),
  get: withIssue((_call, route, _ctx, issue) => get(issue.records.properties, route)),
  put: withIssue((call, route, _ctx, issue) => put(issue.records.properties, call, route)),
  remove: withIssue((_call, route, _ctx, issue) => remove(issue.records.properties, route)),
};

export const commentProperty: Record<"list" | "get" | "put" | "remove", Handler> = {
  list: withComment((_call, route, ctx, comment) => {
    return keys(comment.properties, `${apiBase(ctx.site, route.version)}/comment/${comment.id}/properties`);
  }),
  get: withComment((_call, route, _ctx, comment) => get(comment.properties, route)),
  put: withComment((call, route, _ctx, comment) => put(comment.properties, call, route)),
  remove: withComment((_call, route, _ctx, comment) => remove(comment.properties, route)),
};
