// When Jira cannot answer: the cache stands in, with one warning line that says what is stale and
// how old it is; only a refused login with nothing cached at all ends the command (exit 3).
import { type Diagnostic, warning } from "../core/diagnostic.js";
import { JiraError } from "../core/errors.js";
import type { SiteCache } from "./cache.js";
import { describeCredentials } from "./credentials.js";
import { describeFailure, isAuthFailure } from "./failures.js";
import type { FactsResult } from "./facts.js";
import type { JiraSetup } from "./setup.js";
import type { Failure } from "./transport.js";
import type { JiraFacts } from "./types.js";

export function fromCache(wanted: string[], cache: SiteCache, setup: JiraSetup, why: string): FactsResult {
  const facts: JiraFacts = new Map();
  for (const k of wanted) if (cache.issues[k]) facts.set(k, cache.issues[k]!);
  const cached = wanted.filter((k) => facts.has(k));
  const none = wanted.filter((k) => !facts.has(k));
  const parts: string[] = [];
  if (cached.length)
    parts.push(`cached facts for ${list(cached.map((k) => `${k} (${age(cache.issues[k]!.fetchedAt, setup.now)})`))}`);
  if (none.length) parts.push(`no facts for ${list(none)} (none cached)`);
  const warnings: Diagnostic[] = parts.length ? [warning(`${why}: using ${parts.join("; ")}`)] : [];
  return { facts, unknown: [], hidden: [], stale: wanted, warnings };
}

export function fallBack(wanted: string[], cache: SiteCache, setup: JiraSetup, failure: Failure | Error): FactsResult {
  const what = describeFailure(failure, setup.url);
  if (!isAuthFailure(failure)) return fromCache(wanted, cache, setup, `Jira unavailable (${what})`);
  const who = setup.credentials ? describeCredentials(setup.credentials) : "no credentials";
  if (!wanted.some((k) => cache.issues[k])) {
    throw new JiraError(
      `Jira at ${setup.url} did not accept ${who}: ${what}; ${credentialHint(setup, cache.deployment)}`,
    );
  }
  return fromCache(wanted, cache, setup, `Jira did not accept ${who} (${what})`);
}

/** What to check, for the way the credentials were given and the kind of site. */
function credentialHint(setup: JiraSetup, deployment: SiteCache["deployment"]): string {
  const kind = setup.deployment !== "auto" ? setup.deployment : deployment;
  const creds = setup.credentials;
  if (creds?.source === "netrc") return "check the ~/.netrc entry for this host";
  if (kind === "cloud" && creds?.scheme === "bearer") {
    return "Jira Cloud takes your Atlassian account email in JIRA_USER beside the API token in JIRA_API_TOKEN";
  }
  if (kind === "datacenter" && creds?.scheme === "basic") {
    return "check JIRA_API_TOKEN; a Data Center personal access token needs JIRA_AUTH_TYPE=bearer (and no JIRA_USER)";
  }
  return creds?.scheme === "basic" ? "check JIRA_USER and JIRA_API_TOKEN" : "check JIRA_API_TOKEN";
}

/** Tickets for one line: the first five, then how many more. */
export const list = (items: string[]) =>
  items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")} and ${items.length - 5} more`;

/** "5 min old", "3 h old", "2 days old". */
export function age(iso: string, now: Date): string {
  const min = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (min < 90) return `${min} min old`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h old` : `${Math.round(h / 24)} days old`;
}
