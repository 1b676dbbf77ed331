// fetchJiraFacts(keys): summary, status & co. for every ticket of a report, in one request per 100
// keys, through the cache, honest when Jira fails: what could not be fetched is named, with the
// age of what is used instead. Throws JiraError only when nothing can stand in.
import { JiraError } from "../errors.js";
import { readCache, writeCache, type SiteCache } from "./cache.js";
import { createJiraClient, type Deployment, type IssueJson, type JiraClient } from "./client.js";
import { describeCredentials, type Credentials } from "./credentials.js";
import { withRetry, type RetryPolicy } from "./retry.js";
import { describeFailure, isAuthFailure } from "./failures.js";
import { decodeFailure, type Failure, type TransportLog } from "./transport.js";
import { browseUrl, type JiraFacts, type JiraIssueFacts } from "./types.js";

export interface JiraSetup {
  url: string;
  deployment: Deployment | "auto";
  /** Absent when none are configured: then only the cache (--offline) can give facts. */
  credentials?: Credentials;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  cacheFile: string;
  cacheMinutes: number;
  retry: RetryPolicy;
  now: Date;
  log?: TransportLog;
}

export interface FactsResult {
  facts: JiraFacts;
  /** Keys Jira does not know (or the user may not see). */
  unknown: string[];
  /** Keys Jira did not confirm now: served from an old cache entry, or not at all. */
  stale: string[];
  /** One line each, for stderr. */
  warnings: string[];
}

const BATCH = 100;

export async function fetchJiraFacts(keys: string[], setup: JiraSetup, mode: { offline?: boolean; refresh?: boolean } = {}): Promise<FactsResult> {
  const cache = readCache(setup.cacheFile, setup.url);
  const wanted = [...new Set(keys.map((k) => k.toUpperCase()))];
  if (mode.offline) return fromCache(wanted, cache, setup, "--offline");
  const credentials = setup.credentials;
  if (!credentials) return { facts: new Map(), unknown: [], stale: wanted, warnings: [] };

  const freshFor = setup.cacheMinutes * 60_000;
  const fresh = (k: string) => !mode.refresh && cache.issues[k] && setup.now.getTime() - Date.parse(cache.issues[k]!.fetchedAt) < freshFor;
  const toFetch = wanted.filter((k) => !fresh(k));
  const result: FactsResult = { facts: new Map(), unknown: [], stale: [], warnings: [] };
  for (const k of wanted) if (fresh(k)) result.facts.set(k, cache.issues[k]!);
  if (toFetch.length === 0) return result;

  try {
    const deployment = await resolveDeployment(setup, credentials, cache);
    const client = await createJiraClient({ url: setup.url, deployment }, credentials, setup.timeoutMs, setup.log);
    await fetchInto(result, toFetch, client, setup, { ...setup, deployment });
  } catch (e) {
    const failure = decodeFailure(e);
    return fallBack(wanted, cache, setup, failure);
  }
  for (const [k, f] of result.facts) cache.issues[k] = f;
  writeCache(setup.cacheFile, cache);
  return result;
}

async function fetchInto(result: FactsResult, keys: string[], client: JiraClient, setup: JiraSetup, site: { url: string; deployment: Deployment }) {
  const fetchedAt = setup.now.toISOString();
  const answers: IssueJson[] = [];
  let failedLogin = false;
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = await withRetry(() => client.fetchIssues(keys.slice(i, i + BATCH)), setup.retry);
    failedLogin ||= batch.failedLogin;
    answers.push(...batch.issues);
  }
  const byKey = new Map(answers.map((a) => [a.key.toUpperCase(), a]));
  const missing = keys.filter((k) => !byKey.has(k));
  for (const k of keys) {
    const a = byKey.get(k);
    if (a) result.facts.set(k, toFacts(a, site.url, fetchedAt));
  }
  if (missing.length === 0 && !failedLogin) return;
  // Missing tickets, or a failed login that Jira answered as anonymous: are the credentials good?
  await withRetry(() => client.myself(), setup.retry);
  // Each missing key once more on its own (that follows moved issues), a few at a time, a bounded number.
  const lookups = missing.slice(0, MAX_LOOKUPS);
  for (let i = 0; i < lookups.length; i += PARALLEL_LOOKUPS) {
    await Promise.all(lookups.slice(i, i + PARALLEL_LOOKUPS).map((k) => lookUp(k, client, setup, site.url, fetchedAt, result)));
  }
  result.unknown.push(...missing.slice(MAX_LOOKUPS));
}

const MAX_LOOKUPS = 20;
const PARALLEL_LOOKUPS = 4;

async function lookUp(k: string, client: JiraClient, setup: JiraSetup, site: string, fetchedAt: string, result: FactsResult): Promise<void> {
  try {
    const a = await withRetry(() => client.getIssue(k), setup.retry);
    result.facts.set(k, toFacts(a, site, fetchedAt)); // a moved issue answers with its new key
  } catch (e) {
    const f = decodeFailure(e);
    if (f instanceof Error || !(f.weekly === "http" && f.status === 404)) throw e;
    result.unknown.push(k);
  }
}

async function resolveDeployment(setup: JiraSetup, credentials: Credentials, cache: SiteCache): Promise<Deployment> {
  if (setup.deployment !== "auto") return setup.deployment;
  if (cache.deployment) return cache.deployment;
  const host = new URL(setup.url).hostname;
  let found: Deployment;
  if (/\.(atlassian\.net|jira\.com|jira-dev\.com)$/.test(host)) found = "cloud";
  else {
    const probe = await createJiraClient({ url: setup.url, deployment: "datacenter" }, credentials, setup.timeoutMs, setup.log);
    const info = await withRetry(() => probe.serverInfo(), setup.retry);
    found = info?.deploymentType === "Cloud" ? "cloud" : "datacenter";
  }
  cache.deployment = found;
  return found;
}

export function toFacts(a: IssueJson, site: string, fetchedAt: string): JiraIssueFacts {
  const f = a.fields ?? {};
  return {
    key: a.key,
    summary: f.summary ?? "",
    status: f.status?.name ?? "",
    statusCategory: f.status?.statusCategory?.key ?? "",
    assignee: f.assignee ? (f.assignee.displayName ?? f.assignee.name ?? null) : null,
    resolution: f.resolution?.name ?? null,
    updated: f.updated ?? null,
    issueType: f.issuetype?.name ?? null,
    url: browseUrl(site, a.key),
    fetchedAt,
  };
}

function fromCache(wanted: string[], cache: SiteCache, setup: JiraSetup, why: string): FactsResult {
  const facts: JiraFacts = new Map();
  for (const k of wanted) if (cache.issues[k]) facts.set(k, cache.issues[k]!);
  const cached = wanted.filter((k) => facts.has(k));
  const none = wanted.filter((k) => !facts.has(k));
  const parts: string[] = [];
  if (cached.length) parts.push(`cached facts for ${list(cached.map((k) => `${k} (${age(cache.issues[k]!.fetchedAt, setup.now)})`))}`);
  if (none.length) parts.push(`no facts for ${list(none)} (none cached)`);
  return { facts, unknown: [], stale: wanted, warnings: parts.length ? [`${why}: using ${parts.join("; ")}`] : [] };
}

function fallBack(wanted: string[], cache: SiteCache, setup: JiraSetup, failure: Failure | Error): FactsResult {
  const what = describeFailure(failure, setup.url);
  if (isAuthFailure(failure)) {
    const who = setup.credentials ? describeCredentials(setup.env, setup.credentials) : "no credentials";
    if (!wanted.every((k) => cache.issues[k])) {
      throw new JiraError(`Jira at ${setup.url} did not accept ${who}: ${what}; ${credentialHint(setup, cache.deployment)}`);
    }
    return fromCache(wanted, cache, setup, `Jira did not accept ${who} (${what})`);
  }
  return fromCache(wanted, cache, setup, `Jira unavailable (${what})`);
}

/** What to check, for the way the credentials were given and the kind of site. */
function credentialHint(setup: JiraSetup, deployment: Deployment | undefined): string {
  const kind = setup.deployment !== "auto" ? setup.deployment : deployment;
  if (!setup.env.JIRA_API_TOKEN) return "check the ~/.netrc entry for this host";
  if (kind === "cloud" && setup.credentials?.scheme === "bearer") {
    return "Jira Cloud takes your account email in JIRA_USER with the API token in JIRA_API_TOKEN";
  }
  if (kind === "datacenter" && setup.credentials?.scheme === "basic") {
    return "check JIRA_API_TOKEN; a Data Center personal access token needs JIRA_AUTH_TYPE=bearer (and no JIRA_USER)";
  }
  return setup.credentials?.scheme === "basic" ? "check JIRA_USER and JIRA_API_TOKEN" : "check JIRA_API_TOKEN";
}

/** A list of tickets for one line: the first eight, then how many more. */
const list = (items: string[]) => (items.length <= 8 ? items.join(", ") : `${items.slice(0, 8).join(", ")} and ${items.length - 8} more`);

/** "5 min old", "3 h old", "2 days old". */
export function age(iso: string, now: Date): string {
  const min = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (min < 90) return `${min} min old`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h old` : `${Math.round(h / 24)} days old`;
}

/** The user's own tickets that are not done (assignee = currentUser()), newest first; at most 100. */
export async function fetchMyOpenIssues(setup: JiraSetup): Promise<JiraIssueFacts[]> {
  if (!setup.credentials) return [];
  const cache = readCache(setup.cacheFile, setup.url);
  const deployment = await resolveDeployment(setup, setup.credentials, cache);
  const client = await createJiraClient({ url: setup.url, deployment }, setup.credentials, setup.timeoutMs, setup.log);
  const found = await withRetry(() => client.search("assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC", 100), setup.retry);
  const fetchedAt = setup.now.toISOString();
  return found.map((a) => toFacts(a, setup.url, fetchedAt));
}
