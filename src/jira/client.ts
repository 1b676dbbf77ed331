// The only code that knows jira-client: build it for a site, and ask Jira the few things we need.
// jira-client is loaded on first use, so commands that do not ask Jira never load it.
import type { Credentials } from "./credentials.js";
import { createRequest, type TransportLog } from "./transport.js";

export type Deployment = "cloud" | "datacenter";

export const FIELDS = ["summary", "status", "assignee", "resolution", "updated", "issuetype"];

export interface JiraSite {
  url: string;
  deployment: Deployment;
}

/** The JSON of one issue as Jira sends it (the parts we read). */
export interface IssueJson {
  key: string;
  fields?: {
    summary?: string;
    status?: { name?: string; statusCategory?: { key?: string } };
    assignee?: { displayName?: string; name?: string } | null;
    resolution?: { name?: string } | null;
    updated?: string;
    issuetype?: { name?: string };
  };
}

export interface JiraClient {
  myself(): Promise<{ displayName?: string }>;
  serverInfo(): Promise<{ deploymentType?: string }>;
  /**
   * Up to 100 issues by key in one request; unknown keys are simply absent. `failedLogin`: the
   * answer came as to an anonymous caller after a failed login (Cloud's X-Seraph-LoginReason).
   */
  fetchIssues(keys: string[]): Promise<{ issues: IssueJson[]; failedLogin: boolean }>;
  /** One issue (follows moved and differently-cased keys); rejects with a 404 Failure if unknown. */
  getIssue(key: string): Promise<IssueJson>;
  /** Issues matching a JQL query (at most `max`). */
  search(jql: string, max: number): Promise<IssueJson[]>;
}

export async function createJiraClient(site: { url: string; deployment: Deployment | "auto" }, creds: Credentials, timeoutMs: number, log?: TransportLog) {
  const { default: JiraApi } = await import("jira-client");
  const u = new URL(site.url);
  const apiVersion = site.deployment === "cloud" ? "3" : "2";
  const api = new JiraApi({
    protocol: u.protocol.replace(":", ""),
    host: u.hostname,
    port: u.port || null,
    base: u.pathname.replace(/\/+$/, ""),
    apiVersion,
    ...(creds.scheme === "bearer" ? { bearer: creds.token } : { username: creds.user, password: creds.token }),
    timeout: timeoutMs,
    request: createRequest(timeoutMs, log) as (o: unknown) => Promise<unknown>,
  });
  const post = (pathname: string, body: unknown) => api.doRequest(api.makeRequestHeader(api.makeUri({ pathname }), { method: "POST", body }));

  const client: JiraClient = {
    myself: async () => (await api.getCurrentUser()) as { displayName?: string },
    serverInfo: async () => (await api.getServerInfo()) as { deploymentType?: string },
    async fetchIssues(keys) {
      // Data Center: the classic search; validateQuery:false drops unknown keys instead of failing.
      const res = (
        site.deployment === "cloud"
          ? await post("/issue/bulkfetch", { issueIdsOrKeys: keys, fields: FIELDS })
          : await api.searchJira(`key in (${keys.join(", ")})`, { fields: FIELDS, maxResults: keys.length, validateQuery: false })
      ) as { issues?: IssueJson[]; seraph?: string } | undefined;
      return { issues: res?.issues ?? [], failedLogin: res?.seraph === "AUTHENTICATED_FAILED" };
    },
    getIssue: async (key) => (await api.findIssue(key, "", FIELDS.join(","))) as IssueJson,
    async search(jql, max) {
      if (site.deployment === "cloud") {
        const res = (await post("/search/jql", { jql, fields: FIELDS, maxResults: max })) as { issues?: IssueJson[] };
        return res?.issues ?? [];
      }
      const res = (await api.searchJira(jql, { fields: FIELDS, maxResults: max })) as { issues?: IssueJson[] };
      return res?.issues ?? [];
    },
  };
  return client;
}
