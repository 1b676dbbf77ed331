// Comments (jira-write-notes.md, "Comments"): create, update (notifyUsers accepted), list paged by startAt (100 a
// page by default), get and delete, with `expand=properties` adding each comment's properties as [{key, value}].
// Bodies are kept exactly as sent, so a test reads back what the client rendered.
import { bodyProblem } from "./adf.js";
import type { StoredComment, StoredIssue } from "./issues.js";
import { propertyEntries } from "./properties.js";
import { created, fieldError, isObject, nameList, noContent, ok, page, withComment, withIssue } from "./reply.js";
import type { Call, Context, Handler, Route } from "./reply.js";
import { apiBase, jiraNow, userJson } from "./site.js";

/** The comment as Jira answers it; `properties` only when expanded. */
export function commentJson(comment: StoredComment, issue: StoredIssue, ctx: Context, route: Route, expand: boolean) {
  const api = apiBase(ctx.site, route.version);
  const author = userJson(comment.author, ctx.site, api);
  const cloud = ctx.site.deployment === "cloud" ? { jsdPublic: true } : {};
  const visibility = comment.visibility === undefined ? {} : { visibility: comment.visibility };
  const properties = expand ? { properties: propertyList(comment) } : {};
  const self = `${api}/issue/${issue.id}/comment/${comment.id}`;
  const head = { self, id: comment.id, author, body: comment.body, updateAuthor: author };
  return { ...head, created: comment.created, updated: comment.updated, ...visibility, ...cloud, ...properties };
}

const propertyList = (comment: StoredComment) =>
  [...comment.properties].map(([key, value]) => ({ key, value: structuredClone(value) }));

const expandsProperties = (call: Call) => nameList(call.query.expand).includes("properties");

/** The checked parts of a create or update body, or the 400 to answer. */
function parseInput(call: Call, route: Route) {
  const input = call.body as Record<string, unknown>;
  const problem = bodyProblem(input.body, route.version);
  if (problem) return fieldError("comment", problem);
  if (input.visibility !== undefined && !visibilityOk(input.visibility)) {
    return fieldError("visibility", "Visibility must be {type: group|role, value}.");
  }
  const properties = propertyEntries(input.properties);
  if (!Array.isArray(properties)) return properties;
  return { body: structuredClone(input.body), visibility: input.visibility, properties };
}

function visibilityOk(value: unknown): boolean {
  if (!isObject(value) || (value.type !== "group" && value.type !== "role")) return false;
  return typeof value.value === "string" || typeof value.identifier === "string";
}

const add: Handler = withIssue((call, route, ctx, issue) => {
  const input = parseInput(call, route);
  if ("status" in input) return input;
  const now = jiraNow();
  const comment: StoredComment = {
    id: ctx.store.nextId("comment"),
    body: input.body,
    author: ctx.site.myself.displayName,
    created: now,
    updated: now,
    properties: new Map(input.properties),
    ...(input.visibility === undefined ? {} : { visibility: structuredClone(input.visibility) }),
  };
  issue.records.comments.push(comment);
  return created(commentJson(comment, issue, ctx, route, input.properties.length > 0));
});

const update: Handler = withComment((call, route, ctx, comment, issue) => {
  const input = parseInput(call, route);
  if ("status" in input) return input;
  comment.body = input.body;
  comment.updated = jiraNow();
  if (input.visibility !== undefined) comment.visibility = structuredClone(input.visibility);
  for (const [key, value] of input.properties) comment.properties.set(key, value);
  return ok(commentJson(comment, issue, ctx, route, input.properties.length > 0));
});

const list: Handler = withIssue((call, route, ctx, issue) => {
  const found = page(call, issue.records.comments, 100);
  if ("status" in found) return found;
  const comments = found.items.map((c) => commentJson(c, issue, ctx, route, expandsProperties(call)));
  return ok({ startAt: found.startAt, maxResults: found.maxResults, total: found.total, comments });
});

const get: Handler = withComment((call, route, ctx, comment, issue) =>
  ok(commentJson(comment, issue, ctx, route, expandsProperties(call))),
);

const remove: Handler = withComment((_call, _route, _ctx, comment, issue) => {
  issue.records.comments.splice(issue.records.comments.indexOf(comment), 1);
  return noContent();
});

export const comments: Record<"add" | "update" | "list" | "get" | "remove", Handler> = {
  add,
  update,
  list,
  get,
  remove,
};
