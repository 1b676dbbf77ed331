// The enrich step of a command: Jira facts for every ticket of a checked report, with what Jira
// said about the report (unknown and moved keys) as problems at the tickets' lines.
import type { Io } from "../io/output.js";
import { fetchJiraFacts } from "../jira/facts.js";
import { jiraSetup, siteUrl } from "../jira/setup.js";
import type { JiraFacts } from "../jira/types.js";
import { formatPath, type Problem, type Severity } from "../report/problems.js";
import type { Report } from "../report/schema.js";
import { ticketsOf } from "../report/tickets.js";
import type { CheckedReport } from "./common.js";

export interface EnrichOptions {
  offline?: boolean;
  refresh?: boolean;
  /** How bad a key Jira does not know is: a warning for render, an error for check --jira. */
  unknownIs: Severity;
}

export interface Enriched {
  facts: JiraFacts;
  /** The Jira site, when one is configured (ticket links work without credentials). */
  site?: string;
  problems: Problem[];
  /** Whether Jira (or its cache) was consulted at all. */
  asked: boolean;
  /** Tickets Jira did not confirm on this run (see FactsResult.stale). */
  stale: string[];
  /** Tickets Jira does not know. */
  unknown: string[];
  /** Jira warnings printed (stale or missing facts): --strict refuses on them. */
  warnings: number;
}

export async function enrichReport(io: Io, checked: CheckedReport & { report: Report }, opts: EnrichOptions): Promise<Enriched> {
  const { config, dir } = checked.loaded;
  const site = siteUrl(config.jira, io.env);
  const setup = jiraSetup(config.jira, { env: io.env, configDir: dir, now: io.now() });
  const tickets = ticketsOf(checked.report);
  if (!setup || tickets.length === 0 || (!setup.credentials && !opts.offline)) return { facts: new Map(), site, problems: [], asked: false, stale: tickets.map((t) => t.key), unknown: [], warnings: 0 };

  if (setup.credentials && !opts.offline && /^http:/.test(setup.url) && !/^http:\/\/(127\.|localhost|\[::1\])/.test(setup.url)) {
    io.stderr.write(`warning: ${new URL(setup.url).host} is asked over http: your Jira credentials cross the network unencrypted\n`);
  }
  const result = await fetchJiraFacts(tickets.map((t) => t.key), setup, opts);
  for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
  const problems: Problem[] = [];
  const at = (key: string, severity: Severity, message: string) => {
    for (const t of tickets.filter((t) => t.key === key)) {
      const { line, col } = checked.locate(t.path);
      problems.push({ file: checked.file, line, col, path: formatPath(t.path), message, severity });
    }
  };
  for (const key of result.unknown) at(key, opts.unknownIs, `${key} is not in Jira (or not visible to you); a typo?`);
  for (const [key, f] of result.facts) {
    if (f.key.toUpperCase() !== key) at(key, "warning", `${key} has moved to ${f.key} in Jira; write ${f.key}`);
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { facts: result.facts, site, problems, asked: true, stale: result.stale, unknown: result.unknown, warnings: result.warnings.length };
}
