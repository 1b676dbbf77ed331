// What `weekly push` asks of Jira, through jira-client: its addCommentAdvanced, listTransitions,
// transitionIssue and addWorklog where they fit, its doRequest for what it lacks (notifyUsers on
// an update, comment and issue properties, expand and paging on comment lists, worklog edits).
// Bodies are made by the caller: ADF for Cloud (REST v3), wiki text for Data Center (REST v2).
import { answered, createJiraApi, type JiraSite } from "./client.js";
import type { Credentials } from "./credentials.js";
import {
  type CommentJson,
  CommentPage,
  CommentJson as CommentSchema,
  parsed,
  type TransitionJson,
  Transitions,
  type WorklogJson,
  WorklogJson as WorklogSchema,
  WorklogPage,
} from "./write-answers.js";
import { RequestFailure, type TransportLog } from "./transport.js";

export interface Worklog {
  started: string;
  timeSpentSeconds: number;
  /** ADF on Cloud, text on Data Center: the worklog's own words (they mark it as the tool's). */
  comment?: unknown;
}

export interface JiraWriter {
  /** Whether a new comment's create body carries its property (Cloud); else markComment does, after it. */
  readonly marksOnCreate: boolean;
  /** A new comment (marked with `property` when marksOnCreate); its id. */
  addComment(key: string, body: unknown, property: { key: string; value: unknown }): Promise<string>;
  /** Sets a comment's property (idempotent). */
  markComment(id: string, property: { key: string; value: unknown }): Promise<void>;
  /** Edits the comment without mailing the watchers; its property set again. */
  updateComment(key: string, id: string, body: unknown, property: { key: string; value: unknown }): Promise<void>;
  /** One comment with its properties; undefined when it no longer exists (deleted in Jira). */
  getComment(key: string, id: string): Promise<CommentJson | undefined>;
  /** All comments of the issue, with their properties, page by page. */
  listComments(key: string): Promise<CommentJson[]>;
  setIssueProperty(key: string, property: string, value: unknown): Promise<void>;
  listTransitions(key: string): Promise<TransitionJson[]>;
  transition(key: string, id: string, resolution?: string): Promise<void>;
  addWorklog(key: string, worklog: Worklog): Promise<string>;
  updateWorklog(key: string, id: string, worklog: Worklog): Promise<void>;
  /** The issue's worklogs started at or after `startedAfter` (ms since the epoch). */
  listWorklogs(key: string, startedAfter: number): Promise<WorklogJson[]>;
}

const PAGE = 100;

export async function createJiraWriter(
  site: JiraSite,
  creds: Credentials,
  timeoutMs: number,
  log?: TransportLog,
): Promise<JiraWriter> {
  const api = await createJiraApi(site, creds, timeoutMs, log);
  const call = async (method: string, pathname: string, query?: Record<string, string | number>, body?: unknown) =>
    answered(await api.doRequest(api.makeRequestHeader(api.makeUri({ pathname, query }), { method, body }))).answer;
  const path = (key: string) => `/issue/${encodeURIComponent(key)}`;
  const cloud = site.deployment === "cloud";
  return {
    marksOnCreate: cloud,
    async addComment(key, body, property) {
      const made = answered(
        await api.addCommentAdvanced(key, { body, ...(cloud ? { properties: [property] } : {}) }),
      ).answer;
      return parsed(CommentSchema, made, `the new comment on ${key}`).id;
    },
    async markComment(id, property) {
      await call("PUT", `/comment/${id}/properties/${encodeURIComponent(property.key)}`, {}, property.value);
    },
    async updateComment(key, id, body, property) {
      await call("PUT", `${path(key)}/comment/${id}`, { notifyUsers: "false" }, { body });
      await call("PUT", `/comment/${id}/properties/${encodeURIComponent(property.key)}`, {}, property.value);
    },
    async getComment(key, id) {
      try {
        const answer = await call("GET", `${path(key)}/comment/${id}`, { expand: "properties" });
        return parsed(CommentSchema, answer, `comment ${id} of ${key}`);
      } catch (e) {
        if (e instanceof RequestFailure && e.failure.kind === "http" && e.failure.status === 404) return undefined;
        throw e;
      }
    },
    async listComments(key) {
      const out: CommentJson[] = [];
      for (let startAt = 0; ; ) {
        const query = { startAt, maxResults: PAGE, expand: "properties" };
        const page = parsed(CommentPage, await call("GET", `${path(key)}/comment`, query), `the comments of ${key}`);
        out.push(...page.comments);
        startAt += page.comments.length;
        if (page.comments.length === 0 || startAt >= (page.total ?? 0)) return out;
      }
    },
    async setIssueProperty(key, property, value) {
      await call("PUT", `${path(key)}/properties/${encodeURIComponent(property)}`, {}, value);
    },
    async listTransitions(key) {
      return parsed(Transitions, answered(await api.listTransitions(key)).answer, `the transitions of ${key}`)
        .transitions;
    },
    async transition(key, id, resolution) {
      await api.transitionIssue(key, {
        transition: { id },
        ...(resolution ? { fields: { resolution: { name: resolution } } } : {}),
      });
    },
    async addWorklog(key, worklog) {
      const answer = answered(
        await api.addWorklog(key, { ...worklog }, null, { adjustEstimate: "leave", notifyUsers: "false" }),
      ).answer;
      return parsed(WorklogSchema, answer, `the new worklog on ${key}`).id;
    },
    async updateWorklog(key, id, worklog) {
      await call("PUT", `${path(key)}/worklog/${id}`, { adjustEstimate: "leave", notifyUsers: "false" }, worklog);
    },
    async listWorklogs(key, startedAfter) {
      const query = { startedAfter, maxResults: 1000 };
      return parsed(WorklogPage, await call("GET", `${path(key)}/worklog`, query), `the worklogs of ${key}`).worklogs;
    },
  };
}
