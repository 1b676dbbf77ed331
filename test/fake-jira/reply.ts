// What every route module shares: the parsed request, the answer, Jira's error envelope, and the lookups of the
// issue or comment a sub-resource path names (404 / 403 as Jira answers them, notes §4.5).
import type { IncomingHttpHeaders } from "node:http";
import type { IssueStore, StoredComment, StoredIssue } from "./issues.js";
import type { Site } from "./site.js";
import type { Endpoint } from "./types.js";

export const JSON_TYPE = "application/json;charset=UTF-8";

/** An answer: `json` is serialised; `text` is sent as it is; `chunks` are streamed. `contentType` defaults to JSON. */
export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  chunks?: Iterable<string>;
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

export interface Context {
  site: Site;
  store: IssueStore;
  signedIn: boolean;
}

export type Handler = (call: Call, route: Route, ctx: Context) => Reply;

/** What a path names: `key` the issue, `id` a comment or worklog, `property` a property key (all decoded). */
export interface Route {
  endpoint: Endpoint;
  version: string;
  key?: string;
  id?: string;
  property?: string;
  /** By method; absent for unknown paths. */
  handlers?: Partial<Record<string, Handler>>;
  cloudOnly?: boolean;
  /** The body may be any JSON (a property value), not only an object. */
  anyJson?: boolean;
}

export const errorBody = (...errorMessages: string[]) => ({ errorMessages, errors: {} });
export const ok = (json: unknown): Reply => ({ status: 200, json });
export const created = (json?: unknown): Reply =>
  json === undefined ? { status: 201, text: "" } : { status: 201, json };
export const noContent = (): Reply => ({ status: 204, text: "" });
export const badRequest = (...messages: string[]): Reply => ({ status: 400, json: errorBody(...messages) });
export const notFound = (message: string): Reply => ({ status: 404, json: errorBody(message) });
/** Jira's per-field 400: {"errorMessages":[],"errors":{field: message}}. */
export const fieldError = (field: string, message: string): Reply => ({
  status: 400,
  json: { errorMessages: [], errors: { [field]: message } },
});
export const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const NOT_FOUND = "Issue does not exist or you do not have permission to see it.";
export const FORBIDDEN = "You do not have the permission to see the specified issue.";

type IssueHandler = (call: Call, route: Route, ctx: Context, issue: StoredIssue) => Reply;

/** A handler for /issue/{key}/...: 404 when no issue has the key, 403 when the caller may not see it. */
export function withIssue(handler: IssueHandler): Handler {
  return (call, route, ctx) => {
    const issue = ctx.store.find(route.key ?? "");
    if (!issue) return notFound(NOT_FOUND);
    if (issue.forbidden) return { status: 403, json: errorBody(FORBIDDEN) };
    return handler(call, route, ctx, issue);
  };
}

type CommentHandler = (call: Call, route: Route, ctx: Context, comment: StoredComment, issue: StoredIssue) => Reply;

/** A handler for /issue/{key}/comment/{id} (the comment must be on that issue) or /comment/{id}/... */
export function withComment(handler: CommentHandler): Handler {
  const find = (call: Call, route: Route, ctx: Context, issue?: StoredIssue) => {
    const found = ctx.store.findComment(route.id ?? "");
    const visible = found && !found.issue.forbidden && (issue === undefined || found.issue === issue);
    if (!visible) return notFound(`Can not find a comment for the id: ${route.id ?? ""}.`);
    return handler(call, route, ctx, found.comment, found.issue);
  };
  return (call, route, ctx) => (route.key === undefined ? find(call, route, ctx) : withIssue(find)(call, route, ctx));
}

/** An integer query or body parameter; undefined when it is not one. */
export function intParam(raw: unknown, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  const text = typeof raw === "string" ? raw.trim() : "";
  const n = typeof raw === "number" ? raw : /^-?\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

export interface Page<T> {
  startAt: number;
  maxResults: number;
  total: number;
  items: T[];
}

/** startAt/maxResults paging of the comment and worklog lists: a page, or the 400 for bad numbers. */
export function page<T>(call: Call, items: T[], defaultMax: number): Page<T> | Reply {
  const startAt = intParam(call.query.startAt, 0);
  const maxResults = intParam(call.query.maxResults, defaultMax);
  if (startAt === undefined || maxResults === undefined) return badRequest("startAt and maxResults must be integers.");
  const from = Math.max(startAt, 0);
  const size = Math.max(maxResults, 0);
  return { startAt: from, maxResults: size, total: items.length, items: items.slice(from, from + size) };
}

/** A comma list, repeated parameter or JSON array as trimmed non-empty names. */
export function nameList(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
