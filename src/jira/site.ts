// Which kind of Jira a site is (Cloud or Data Center: told by its name, asked once of
// /serverInfo, then remembered in the cache), and a client for it.
import type { SiteCache } from "./cache.js";
import { createJiraClient, type Deployment, type JiraClient } from "./client.js";
import type { Credentials } from "./credentials.js";
import type { JiraSetup } from "./setup.js";
import { RequestFailure } from "./transport.js";
import { withRetry } from "./retry.js";

export async function resolveDeployment(
  setup: JiraSetup,
  credentials: Credentials,
  cache: SiteCache,
): Promise<Deployment> {
  if (setup.deployment !== "auto") return setup.deployment;
  if (cache.deployment) return cache.deployment;
  const host = new URL(setup.url).hostname;
  let found: Deployment;
  if (/\.(atlassian\.net|jira\.com|jira-dev\.com)$/.test(host)) found = "cloud";
  else {
    const probe = await createJiraClient(
      { url: setup.url, deployment: "datacenter" },
      credentials,
      setup.timeoutMs,
      setup.log,
    );
    const info = await withRetry(() => probe.serverInfo(), setup.retry);
    found = info.deploymentType === "Cloud" ? "cloud" : "datacenter";
  }
  cache.deployment = found;
  return found;
}

/** A client for the site, its kind resolved; refuses a bearer token on Cloud before it is sent. */
export async function connect(
  setup: JiraSetup,
  cache: SiteCache,
): Promise<{ client: JiraClient; deployment: Deployment }> {
  const credentials = setup.credentials;
  if (!credentials) throw new Error("connect() needs credentials");
  const deployment = await resolveDeployment(setup, credentials, cache);
  if (deployment === "cloud" && credentials.scheme === "bearer" && !credentials.explicitBearer) {
    throw new RequestFailure({ kind: "credentials", message: "JIRA_USER is not set" });
  }
  const client = await createJiraClient({ url: setup.url, deployment }, credentials, setup.timeoutMs, setup.log);
  return { client, deployment };
}
