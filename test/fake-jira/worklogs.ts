// Worklogs (jira-write-notes.md, "Worklogs"): POST with exactly one of timeSpent / timeSpentSeconds and a `started`
// of the form yyyy-MM-dd'T'HH:mm:ss.SSSZ with a numeric offset (the "Z" of toISOString is refused); PUT updates;
// GET lists (paged, `startedAfter` in ms). The comment follows the body rules of comments, except that Cloud REST v2
// drops a non-string comment silently, as the notes record. Durations use 8-hour days and 5-day weeks.
import { bodyProblem, EMPTY_BODY } from "./adf.js";
import type { StoredIssue, StoredWorklog } from "./issues.js";
import { badRequest, created, fieldError, intParam, notFound, ok, page, withIssue } from "./reply.js";
import type { Call, Context, Handler, Reply, Route } from "./reply.js";
import { apiBase, jiraNow, userJson } from "./site.js";

const STARTED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}[+-](\d{2})(\d{2})$/;
const BAD_STARTED =
  "Invalid date format. Use yyyy-MM-dd'T'HH:mm:ss.SSSZ with a numeric offset, e.g. 2022-11-11T09:00:00.000+0900.";
const UNITS: [string, number][] = [
  ["w", 5 * 8 * 3600],
  ["d", 8 * 3600],
  ["h", 3600],
  ["m", 60],
];
const ADJUST = ["auto", "leave", "new", "manual"];

export function validStarted(text: string): boolean {
  const [, y, mo, d, h, mi, s, oh, om] = (STARTED.exec(text) ?? []).map(Number);
  if (y === undefined || mo === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  const dayOk = date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return dayOk && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && Number(oh) <= 14 && Number(om) < 60;
}

/** "4h", "1h 30m", "1.5h", "2d 1h" in seconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (!/^\s*(\d+(\.\d+)?\s*[wdhm]\s*)+$/.test(text)) return undefined;
  const size = (unit: string) => UNITS.find(([u]) => u === unit)?.[1] ?? 0;
  const matches = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([wdhm])/g)];
  return Math.round(matches.reduce((sum, [, n, unit]) => sum + Number(n) * size(unit ?? ""), 0));
}

/** Seconds as Jira writes them, e.g. "1d 2h 30m" (whole minutes). */
export function formatDuration(seconds: number): string {
  let rest = Math.floor(seconds / 60) * 60;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(" ") || "0m";
}

function worklogJson(w: StoredWorklog, issue: StoredIssue, ctx: Context, route: Route): object {
  const api = apiBase(ctx.site, route.version);
  const author = userJson(w.author, ctx.site, api);
  const comment = w.comment === undefined ? {} : { comment: w.comment };
  const times = { created: w.created, updated: w.updated, started: w.started };
  const spent = { timeSpent: formatDuration(w.timeSpentSeconds), timeSpentSeconds: w.timeSpentSeconds };
  const self = `${api}/issue/${issue.id}/worklog/${w.id}`;
  return { self, author, updateAuthor: author, ...comment, ...times, ...spent, id: w.id, issueId: issue.id };
}

/** Seconds spent (undefined: not given, on an update), or the 400. */
function timeInput(input: Record<string, unknown>, required: boolean): number | undefined | Reply {
  const { timeSpent, timeSpentSeconds } = input;
  if (timeSpent !== undefined && timeSpentSeconds !== undefined) {
    return fieldError("timeLogged", "Give timeSpent or timeSpentSeconds, not both.");
  }
  if (timeSpent === undefined && timeSpentSeconds === undefined) {
    return required ? fieldError("timeLogged", "You must indicate the time spent working.") : undefined;
  }
  const seconds = typeof timeSpent === "string" ? parseDuration(timeSpent) : intParam(timeSpentSeconds, NaN);
  if (seconds === undefined || !(seconds >= 60)) return fieldError("timeLogged", "Invalid time duration entered.");
  return seconds;
}

function startedInput(started: unknown, required: boolean): Reply | undefined {
  if (started === undefined) return required ? fieldError("started", "A worklog needs a started date.") : undefined;
  return typeof started === "string" && validStarted(started) ? undefined : fieldError("started", BAD_STARTED);
}

/** {comment} to store ({} for none), or the 400. */
function commentInput(comment: unknown, ctx: Context, route: Route): { comment?: unknown } | Reply {
  if (comment === undefined) return {};
  if (route.version !== "3" && typeof comment !== "string" && ctx.site.deployment === "cloud") return {};
  const problem = bodyProblem(comment, route.version);
  if (problem === EMPTY_BODY) return {};
  return problem ? fieldError("comment", problem) : { comment: structuredClone(comment) };
}

function estimateProblem(query: Call["query"]): Reply | undefined {
  const adjust = query.adjustEstimate;
  if (adjust === undefined) return undefined;
  if (typeof adjust !== "string" || !ADJUST.includes(adjust)) {
    return badRequest(`adjustEstimate must be one of ${ADJUST.join(", ")}.`);
  }
  if (adjust === "new" && query.newEstimate === undefined) return badRequest("adjustEstimate=new needs newEstimate.");
  if (adjust === "manual" && query.reduceBy === undefined) return badRequest("adjustEstimate=manual needs reduceBy.");
  return undefined;
}

/** The checked parts of a create (everything required) or update body, or the 400. */
function parseInput(call: Call, ctx: Context, route: Route, creating: boolean) {
  const input = call.body as Record<string, unknown>;
  const problem = estimateProblem(call.query) ?? startedInput(input.started, creating);
  if (problem) return problem;
  const seconds = timeInput(input, creating);
  if (typeof seconds === "object") return seconds;
  const comment = commentInput(input.comment, ctx, route);
  if ("status" in comment) return comment as Reply;
  return { seconds, started: input.started as string | undefined, ...comment };
}

const add: Handler = withIssue((call, route, ctx, issue) => {
  const input = parseInput(call, ctx, route, true);
  if ("status" in input) return input;
  const now = jiraNow();
  const author = ctx.site.myself.displayName;
  const base = { id: ctx.store.nextId("worklog"), started: input.started ?? now, timeSpentSeconds: input.seconds ?? 0 };
  const worklog: StoredWorklog = { ...base, author, created: now, updated: now };
  if ("comment" in input) worklog.comment = input.comment;
  issue.records.worklogs.push(worklog);
  return created(worklogJson(worklog, issue, ctx, route));
});

const update: Handler = withIssue((call, route, ctx, issue) => {
  const worklog = issue.records.worklogs.find((w) => w.id === route.id);
  if (!worklog) return notFound(`Cannot find worklog with id: ${route.id ?? ""}.`);
  const input = parseInput(call, ctx, route, false);
  if ("status" in input) return input;
  if (input.started !== undefined) worklog.started = input.started;
  if (input.seconds !== undefined) worklog.timeSpentSeconds = input.seconds;
  if ("comment" in input) worklog.comment = input.comment;
  worklog.updated = jiraNow();
  return ok(worklogJson(worklog, issue, ctx, route));
});

const list: Handler = withIssue((call, route, ctx, issue) => {
  const after = intParam(call.query.startedAfter, 0);
  if (after === undefined) return badRequest("startedAfter must be a number of milliseconds.");
  const started = (w: StoredWorklog) => Date.parse(w.started.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  const found = page(
    call,
    issue.records.worklogs.filter((w) => started(w) >= after),
    5000,
  );
  if ("status" in found) return found;
  const worklogs = found.items.map((w) => worklogJson(w, issue, ctx, route));
  return ok({ startAt: found.startAt, maxResults: found.maxResults, total: found.total, worklogs });
});

const get: Handler = withIssue((_call, route, ctx, issue) => {
  const worklog = issue.records.worklogs.find((w) => w.id === route.id);
  return worklog ? ok(worklogJson(worklog, issue, ctx, route)) : notFound(`Cannot find worklog with id: ${route.id}.`);
});

export const worklogs: Record<"add" | "update" | "list" | "get", Handler> = { add, update, list, get };
