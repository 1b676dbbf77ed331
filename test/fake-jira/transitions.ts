// Workflow transitions (jira-write-notes.md, "Transitions"): GET lists those offered from the issue's current status
// (none without the permission), `expand=transitions.fields` adds the resolution screen's allowed values; POST
// {transition: {id}, fields?: {resolution: {name}}} moves the issue (204), which later reads show.
import { categoryOf, resolutionRef, statusNamedJson } from "./issues.js";
import type { StoredIssue } from "./issues.js";
import { badRequest, fieldError, isObject, nameList, noContent, ok, withIssue } from "./reply.js";
import type { Context, Handler, Reply } from "./reply.js";
import { apiBase } from "./site.js";
import type { FakeTransition } from "./types.js";

const RESOLUTIONS = ["Fixed", "Won't Fix", "Duplicate"];

/** The default workflow: To Do → In Progress → In Review → Done, with a way back from each. */
export const DEFAULT_WORKFLOW: FakeTransition[] = [
  { id: "11", name: "Start work", from: ["To Do"], to: "In Progress" },
  { id: "21", name: "Request review", from: ["In Progress"], to: "In Review" },
  { id: "31", name: "Resolve", from: ["To Do", "In Progress", "In Review"], to: "Done", resolutions: RESOLUTIONS },
  { id: "41", name: "Stop work", from: ["In Progress"], to: "To Do" },
  { id: "51", name: "Request changes", from: ["In Review"], to: "In Progress" },
  { id: "61", name: "Reopen", from: ["Done"], to: "To Do" },
];
const WORKFLOW_STATUSES = ["To Do", "In Progress", "In Review", "Done"];
const BY_CATEGORY = { new: "To Do", indeterminate: "In Progress", done: "Done" } as const;

/** Where the issue stands in its workflow; a status the default workflow lacks counts as its category's. */
function currentStatus(issue: StoredIssue): string {
  const status = issue.status ?? BY_CATEGORY[categoryOf(issue)];
  if (issue.transitions || WORKFLOW_STATUSES.includes(status)) return status;
  return BY_CATEGORY[categoryOf(issue)];
}

function offered(issue: StoredIssue): FakeTransition[] {
  if (issue.noTransitionPermission) return [];
  const status = currentStatus(issue).toLowerCase();
  return (issue.transitions ?? DEFAULT_WORKFLOW).filter((t) =>
    t.from ? t.from.some((name) => name.toLowerCase() === status) : t.to.toLowerCase() !== status,
  );
}

const targetCategory = (t: FakeTransition) => t.toCategory ?? categoryOf({ status: t.to });

function transitionJson(t: FakeTransition, ctx: Context, api: string, withFields: boolean): object {
  const to = statusNamedJson(t.to, targetCategory(t), ctx.site, api);
  const hasScreen = t.hasScreen ?? (t.resolutions ?? []).length > 0;
  const flags = { isGlobal: t.from === undefined, isInitial: false, isAvailable: true, isConditional: false };
  const fields = withFields ? { fields: fieldsJson(t, api) } : {};
  return { id: t.id, name: t.name, to, hasScreen, ...flags, isLooped: false, ...fields };
}

function fieldsJson(t: FakeTransition, api: string): object {
  if (!t.resolutions?.length) return {};
  const schema = { type: "resolution", system: "resolution" };
  const allowedValues = t.resolutions.map((name) => resolutionRef(name, api));
  const resolution = { required: true, schema, name: "Resolution", key: "resolution", operations: ["set"] };
  return { resolution: { ...resolution, allowedValues } };
}

const list: Handler = withIssue((call, route, ctx, issue) => {
  const api = apiBase(ctx.site, route.version);
  const withFields = nameList(call.query.expand).includes("transitions.fields");
  const only = typeof call.query.transitionId === "string" ? call.query.transitionId : undefined;
  const transitions = offered(issue).filter((t) => only === undefined || t.id === only);
  return ok({ expand: "transitions", transitions: transitions.map((t) => transitionJson(t, ctx, api, withFields)) });
});

const perform: Handler = withIssue((call, _route, _ctx, issue) => {
  const body = call.body as Record<string, unknown>;
  const unsupported = Object.keys(body).find((name) => name !== "transition" && name !== "fields");
  if (unsupported) return badRequest(`The fake Jira does not support '${unsupported}' on transitions.`);
  const id = isObject(body.transition) ? body.transition.id : undefined;
  if (typeof id !== "string" && typeof id !== "number") return badRequest("The transition id is missing.");
  const transition = offered(issue).find((t) => t.id === String(id));
  if (!transition) return badRequest(`Transition id '${String(id)}' is not valid for this issue.`);
  const resolution = resolutionGiven(body.fields, transition);
  if (typeof resolution === "object") return resolution;
  move(issue, transition, resolution);
  return noContent();
});

/** The resolution name to set (undefined: none given), or the 400 for a field the screen does not offer. */
function resolutionGiven(fields: unknown, t: FakeTransition): string | undefined | Reply {
  if (fields === undefined) return undefined;
  if (!isObject(fields)) return badRequest("fields must be an object.");
  const other = Object.keys(fields).find((name) => name !== "resolution" || !t.resolutions?.length);
  const offScreen = `Field '${other}' cannot be set. It is not on the appropriate screen, or unknown.`;
  if (other) return fieldError(other, offScreen);
  if (fields.resolution === undefined) return undefined;
  const given = isObject(fields.resolution) ? fields.resolution : {};
  const match = t.resolutions?.find((name) => name === given.name || resolutionRef(name, "").id === given.id);
  if (match) return match;
  return fieldError("resolution", `Resolution '${String(given.name ?? given.id)}' is not valid for this transition.`);
}

/** Status, category and resolution after the move: a screen's resolution defaults to its first value. */
function move(issue: StoredIssue, t: FakeTransition, resolution: string | undefined): void {
  issue.status = t.to;
  issue.statusCategory = targetCategory(t);
  if (issue.statusCategory !== "done") issue.resolution = null;
  else issue.resolution = resolution ?? t.resolutions?.[0];
}

export const transitions: Record<"list" | "perform", Handler> = { list, perform };
