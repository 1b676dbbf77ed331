// fetchJiraFacts(keys): summary, status & co. for every ticket of a report, in one request per 100
// keys, through the cache, honest when Jira fails: what could not be fetched is named, with the
// age of what is used instead (fallback.ts). Throws JiraError only when nothing can stand in.
import type { Diagnostic } from "../core/diagnostic.js";
import { plainLine } from "../core/text.js";
import type { IssueJson } from "./answers.js";
import { readCache, type SiteCache, writeCache } from "./cache.js";
import type { JiraClient } from "./client.js";
import { fallBack, fromCache } from "./fallback.js";
import { withRetry } from "./retry.js";
import { exposedNetrcWarning, type JiraSetup, plainHttpWarning } from "./setup.js";
import { connect } from "./site.js";
import { failureOf } from "./transport.js";
import { browseUrl, type JiraFacts, type JiraIssueFacts } from "./types.js";

export interface FactsResult {
  facts: JiraFacts;
  /** Keys Jira does not know (or the user may not see). */
  unknown: string[];
  /** Keys that exist but that Jira will not show this user (403). */
  hidden: string[];
  /** Keys Jira did not confirm now: served from an old cache entry, or not at all. */
  stale: string[];
  warnings: Diagnostic[];
}

export interface FetchMode {
  offline?: boolean;
  refresh?: boolean;
}

const BATCH = 100;
const MAX_LOOKUPS = 20;
const PARALLEL_LOOKUPS = 4;

export async function fetchJiraFacts(keys: string[], setup: JiraSetup, mode: FetchMode = {}): Promise<FactsResult> {
  const cache = readCache(setup.cacheFile, setup.url);
  const wanted = [...new Set(keys.map((k) => k.toUpperCase()))];
  if (mode.offline) return fromCache(wanted, cache, setup, "--offline");
  if (!setup.credentials) return { facts: new Map(), unknown: [], hidden: [], stale: wanted, warnings: [] };
  const warnings = [plainHttpWarning(setup), exposedNetrcWarning(setup)].filter((w) => w !== undefined);
  const result: FactsResult = { facts: new Map(), unknown: [], hidden: [], stale: [], warnings };
  const young = (iso: string | undefined) =>
    !mode.refresh && iso !== undefined && setup.now.getTime() - Date.parse(iso) < setup.cacheMinutes * 60_000;
  const toFetch: string[] = [];
  for (const k of wanted) {
    if (young(cache.issues[k]?.fetchedAt)) result.facts.set(k, cache.issues[k]!);
    else if (young(cache.unknown[k])) result.unknown.push(k);
    else toFetch.push(k);
  }
  if (toFetch.length > 0) {
    try {
      const { client } = await connect(setup, cache);
      await fetchInto(result, toFetch, client, setup);
    } catch (e) {
      const fallen = fallBack(wanted, cache, setup, failureOf(e));
      return { ...fallen, warnings: [...result.warnings, ...fallen.warnings] };
    }
  }
  remember(cache, result, toFetch, setup.now.toISOString());
  if (toFetch.length > 0 || cache.dirty) writeCache(setup.cacheFile, cache);
  return result;
}

/** Answers go into the cache: facts, and the keys Jira said it does not know. */
function remember(cache: SiteCache, result: FactsResult, fetched: string[], now: string): void {
  for (const [k, f] of result.facts) cache.issues[k] = f;
  for (const k of fetched) {
    if (result.unknown.includes(k)) cache.unknown[k] = now;
    else delete cache.unknown[k];
  }
}

async function fetchInto(result: FactsResult, keys: string[], client: JiraClient, setup: JiraSetup): Promise<void> {
  const fetchedAt = setup.now.toISOString();
  const answers: IssueJson[] = [];
  let failedLogin = false;
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = await withRetry(() => client.fetchIssues(keys.slice(i, i + BATCH)), setup.retry);
    failedLogin ||= batch.failedLogin;
    answers.push(...batch.issues);
    result.warnings.push(...batch.problems);
  }
  const byKey = new Map(answers.map((a) => [a.key.toUpperCase(), a]));
  const missing = keys.filter((k) => !byKey.has(k));
  for (const k of keys) {
    const a = byKey.get(k);
    if (a) result.facts.set(k, toFacts(a, setup.url, fetchedAt));
  }
  if (missing.length === 0 && !failedLogin) return;
  // Missing tickets, or a failed login that Jira answered as anonymous: are the credentials good?
  await withRetry(() => client.myself(), setup.retry);
  // Each missing key once more on its own (that follows moved issues), a few at a time, a bounded number.
  const lookups = missing.slice(0, MAX_LOOKUPS);
  for (let i = 0; i < lookups.length; i += PARALLEL_LOOKUPS) {
    await Promise.all(lookups.slice(i, i + PARALLEL_LOOKUPS).map((k) => lookUp(k, client, setup, fetchedAt, result)));
  }
  result.unknown.push(...missing.slice(MAX_LOOKUPS));
}

/** One missing key on its own: moved (answers with its new key), unknown (404), or hidden from you (403). */
async function lookUp(
  k: string,
  client: JiraClient,
  setup: JiraSetup,
  fetchedAt: string,
  result: FactsResult,
): Promise<void> {
  try {
    const a = await withRetry(() => client.getIssue(k), setup.retry);
    result.facts.set(k, toFacts(a, setup.url, fetchedAt));
  } catch (e) {
    const f = failureOf(e);
    if (f instanceof Error || f.kind !== "http") throw e;
    if (f.status === 404) result.unknown.push(k);
    else if (f.status === 403 || f.status === 401) result.hidden.push(k);
    else throw e;
  }
}

/** Jira's answer as facts; every text Jira sent is made one plain line (it reaches terminals and emails). */
export function toFacts(a: IssueJson, site: string, fetchedAt: string): JiraIssueFacts {
  const f = a.fields ?? {};
  const line = (s: string | null | undefined) => (s === null || s === undefined ? null : plainLine(s));
  return {
    key: a.key,
    summary: line(f.summary) ?? "",
    status: line(f.status?.name) ?? "",
    statusCategory: line(f.status?.statusCategory?.key) ?? "",
    assignee: f.assignee ? line(f.assignee.displayName ?? f.assignee.name) : null,
    resolution: line(f.resolution?.name),
    updated: line(f.updated),
    issueType: line(f.issuetype?.name),
    url: browseUrl(site, a.key),
    fetchedAt,
  };
}

/** The user's own tickets that are not done (assignee = currentUser()), newest first; at most 100. */
export async function fetchMyOpenIssues(
  setup: JiraSetup,
): Promise<{ issues: JiraIssueFacts[]; warnings: Diagnostic[] }> {
  if (!setup.credentials) return { issues: [], warnings: [] };
  const cache = readCache(setup.cacheFile, setup.url);
  const { client } = await connect(setup, cache);
  const jql = "assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC";
  const found = await withRetry(() => client.search(jql, 100), setup.retry);
  const fetchedAt = setup.now.toISOString();
  return { issues: found.issues.map((a) => toFacts(a, setup.url, fetchedAt)), warnings: found.problems };
}
