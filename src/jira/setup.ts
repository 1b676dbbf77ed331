// From config + environment to what fetchJiraFacts needs; undefined when Jira is not configured
// (no site). Without credentials the setup has none: then only --offline (the cache) gives facts.
import { resolve } from "node:path";
import type { JiraConfig } from "../config/schema.js";
import { UserError } from "../errors.js";
import { cacheDir, cacheFile } from "./cache.js";
import { resolveCredentials } from "./credentials.js";
import type { JiraSetup } from "./facts.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";

export function siteUrl(jira: JiraConfig, env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.JIRA_URL || jira.url;
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UserError(`the Jira site is not a URL; expected e.g. https://example.atlassian.net`);
  }
  if (u.username || u.password) throw new UserError(`the Jira site ${u.host} has a user or password in its URL; put them in JIRA_USER and JIRA_API_TOKEN instead`);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new UserError(`the Jira site ${u.host} must start with https://`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

export function jiraSetup(
  jira: JiraConfig,
  opts: { env: NodeJS.ProcessEnv; configDir: string; now: Date; retry?: RetryPolicy },
): JiraSetup | undefined {
  const url = siteUrl(jira, opts.env);
  if (!url) return undefined;
  const credentials = resolveCredentials(opts.env, new URL(url).hostname);
  const dir = cacheDir(opts.env, jira.cache_dir && resolve(opts.configDir, jira.cache_dir));
  return {
    url,
    deployment: jira.deployment,
    credentials,
    env: opts.env,
    timeoutMs: jira.timeout_seconds * 1000,
    cacheFile: cacheFile(dir, url),
    cacheMinutes: jira.cache_minutes,
    retry: opts.retry ?? DEFAULT_RETRY,
    now: opts.now,
  };
}
