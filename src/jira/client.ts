// The only code that knows jira-client: build it for a site, and ask Jira the few things we need.
// jira-client is loaded on first use, so commands that do not ask Jira never load it. Its
// doRequest is replaced so that failures reach us as our typed RequestFailure, not as JSON text.
import type * as z from "zod/mini";
import type { Diagnostic } from "../core/diagnostic.js";
import { type IssueJson, issueText, Myself, parseIssue, parseIssueList, ServerInfo } from "./answers.js";
import type { Credentials } from "./credentials.js";
import { createRequest, RequestFailure, type TransportLog } from "./transport.js";

export type Deployment = "cloud" | "datacenter";

export const FIELDS = ["summary", "status", "assignee", "resolution", "updated", "issuetype"];

export interface JiraSite {
  url: string;
  deployment: Deployment;
}

export interface IssueBatch {
  issues: IssueJson[];
  /** Issues in the answer that did not parse: warnings. */
  problems: Diagnostic[];
  /** The answer came as to an anonymous caller after a failed login (Cloud's X-Seraph-LoginReason). */
  failedLogin: boolean;
}

export interface JiraClient {
  myself(): Promise<{ displayName?: string }>;
  serverInfo(): Promise<{ deploymentType?: string }>;
  /** Up to 100 issues by key in one request, with these properties and extra fields; unknown keys are absent. */
  fetchIssues(keys: string[], properties?: string[], extraFields?: string[]): Promise<IssueBatch>;
  /** One issue (follows moved and differently-cased keys); rejects with a 404 RequestFailure if unknown. */
  getIssue(key: string): Promise<IssueJson>;
  /** Issues matching a JQL query (at most `max`). */
  search(jql: string, max: number): Promise<IssueBatch>;
}

/** What our transport resolves to: the parsed JSON and the login flag. */
interface Answered {
  answer: unknown;
  seraph: string | null;
}

export async function createJiraApi(
  site: { url: string; deployment: Deployment },
  creds: Credentials,
  timeoutMs: number,
  log?: TransportLog,
) {
  const { default: JiraApi } = await import("jira-client");
  const request = createRequest(timeoutMs, log);
  class Api extends JiraApi {
    override async doRequest(options: Record<string, unknown>): Promise<unknown> {
      return request({ ...this.baseOptions, ...options });
    }
  }
  const u = new URL(site.url);
  return new Api({
    protocol: u.protocol.replace(":", ""),
    host: u.hostname,
    port: u.port || null,
    base: u.pathname.replace(/\/+$/, ""),
    apiVersion: site.deployment === "cloud" ? "3" : "2",
    ...(creds.scheme === "bearer" ? { bearer: creds.token } : { username: creds.user, password: creds.token }),
    timeout: timeoutMs,
  });
}

export type JiraApiInstance = Awaited<ReturnType<typeof createJiraApi>>;

/** The answer of our transport, unwrapped; anything else is a malformed answer. */
export function answered(value: unknown): Answered {
  if (value && typeof value === "object" && "answer" in value && "seraph" in value) {
    const seraph = value.seraph;
    return { answer: value.answer, seraph: typeof seraph === "string" ? seraph : null };
  }
  return { answer: value, seraph: null };
}

export async function createJiraClient(
  site: JiraSite,
  creds: Credentials,
  timeoutMs: number,
  log?: TransportLog,
): Promise<JiraClient> {
  const api = await createJiraApi(site, creds, timeoutMs, log);
  const post = async (pathname: string, body: unknown) =>
    answered(await api.doRequest(api.makeRequestHeader(api.makeUri({ pathname }), { method: "POST", body })));
  const batch = ({ answer, seraph }: Answered): IssueBatch => ({
    ...parseIssueList(answer),
    failedLogin: seraph === "AUTHENTICATED_FAILED",
  });
  return {
    myself: async () => shaped(Myself, await api.getCurrentUser(), "/myself"),
    serverInfo: async () => shaped(ServerInfo, await api.getServerInfo(), "/serverInfo"),
    async fetchIssues(keys, properties = [], extraFields = []) {
      const props = properties.length ? { properties } : {};
      const fields = [...FIELDS, ...extraFields];
      // Data Center: the classic search; validateQuery:false drops unknown keys instead of failing.
      if (site.deployment === "cloud")
        return batch(await post("/issue/bulkfetch", { issueIdsOrKeys: keys, fields, ...props }));
      const jql = `key in (${keys.join(", ")})`;
      return batch(
        answered(await api.searchJira(jql, { fields, maxResults: keys.length, validateQuery: false, ...props })),
      );
    },
    async getIssue(key) {
      const issue = parseIssue(answered(await api.findIssue(key, "", FIELDS.join(","))).answer);
      if (typeof issue === "string")
        throw new RequestFailure({ kind: "malformed", status: 200, message: `${key}: ${issue}` });
      return issue;
    },
    async search(jql, max) {
      if (site.deployment === "cloud")
        return batch(await post("/search/jql", { jql, fields: FIELDS, maxResults: max }));
      return batch(answered(await api.searchJira(jql, { fields: FIELDS, maxResults: max })));
    },
  };
}

function shaped<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(answered(value).answer);
  if (parsed.success) return parsed.data;
  throw new RequestFailure({ kind: "malformed", status: 200, message: `${what}: ${issueText(parsed.error)}` });
}
