// The enrich stage: Jira facts for every ticket of a checked report, and what Jira said about the
// report (unknown, hidden and moved keys) as diagnostics at the tickets' lines.
import { byPosition, type Diagnostic, formatPath, type Severity } from "../core/diagnostic.js";
import type { Io } from "../io/output.js";
import type { ValidReport } from "../report/check.js";
import { ticketsOf } from "../report/tickets.js";
import { namedJiraSite } from "../config/load.js";
import type { FactsResult } from "./facts.js";
import type { JiraFacts } from "./types.js";

export interface EnrichOptions {
  /** --jira-url */
  jiraUrl?: string;
  offline?: boolean;
  refresh?: boolean;
  /** How bad a key Jira does not know is: a warning for render, an error for check --jira. */
  unknownIs: Severity;
}

export interface Enriched {
  facts: JiraFacts;
  /** The Jira site, when one is configured (ticket links work without credentials). */
  site?: string;
  /** At the tickets' lines (unknown, moved keys), and Jira's own warnings (stale facts). */
  problems: Diagnostic[];
  /** Whether Jira (or its cache) was consulted at all. */
  asked: boolean;
  /** Tickets Jira did not confirm on this run (see FactsResult.stale). */
  stale: string[];
  unknown: string[];
}

export async function enrichReport(io: Io, checked: ValidReport, opts: EnrichOptions): Promise<Enriched> {
  const keys = ticketsOf(checked.report).map((t) => t.key);
  const none = { facts: new Map(), problems: [], asked: false, stale: keys, unknown: [] };
  // No site named: nothing of the Jira side (setup, credentials, transport) needs to load.
  if (!namedJiraSite(checked.loaded.config.jira, io.env, opts.jiraUrl)) return none;
  const { setupFor, siteUrl } = await import("./setup.js");
  const site = siteUrl(checked.loaded.config.jira, io.env, opts.jiraUrl);
  const setup = setupFor(io, checked.loaded, opts.jiraUrl);
  if (!setup || keys.length === 0 || (!setup.credentials && !opts.offline)) {
    return { ...none, site, problems: setup?.notices ?? [] };
  }
  // The Jira client, its schemas and the cache load only now, when Jira (or its cache) is asked.
  const { fetchJiraFacts } = await import("./facts.js");
  const result = await fetchJiraFacts(keys, setup, opts);
  const problems = [...setup.notices, ...result.warnings, ...placed(checked, result, opts.unknownIs)];
  return { facts: result.facts, site, problems, asked: true, stale: result.stale, unknown: result.unknown };
}

/** What Jira said of each ticket, at the line of each entry that names it. */
function placed(checked: ValidReport, result: FactsResult, unknownIs: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tickets = ticketsOf(checked.report);
  const at = (key: string, severity: Severity, message: string) => {
    for (const t of tickets.filter((t) => t.key === key)) {
      const { line, col } = checked.locate(t.path);
      out.push({ file: checked.file, line, col, path: formatPath(t.path), message, severity });
    }
  };
  for (const key of result.unknown) at(key, unknownIs, `${key} is not in Jira (or not visible to you); a typo?`);
  for (const key of result.hidden)
    at(key, "warning", `Jira does not let you see ${key} (permission denied); its facts are left out`);
  for (const [key, f] of result.facts) {
    if (f.key.toUpperCase() !== key) at(key, unknownIs, `${key} has moved to ${f.key} in Jira; write ${f.key}`);
  }
  return byPosition(out);
}
