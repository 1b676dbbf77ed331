// What Jira adds to `weekly new`: carried tickets that are done (flagged, or left out with
// --drop-done) and, with --from-jira, the user's open tickets that the report lacks.
import { isMap, isSeq, type Document } from "yaml";
import { JiraError, UsageError } from "../errors.js";
import type { Io } from "../io/output.js";
import { fetchJiraFacts, fetchMyOpenIssues } from "../jira/facts.js";
import { jiraSetup } from "../jira/setup.js";
import { describeFailure } from "../jira/failures.js";
import { decodeFailure } from "../jira/transport.js";
import type { JiraIssueFacts } from "../jira/types.js";
import type { Report } from "../report/schema.js";
import { ticketsOf } from "../report/tickets.js";
import type { CheckedReport } from "./common.js";

export interface JiraForNew {
  drop: Set<string>;
  notices: string[];
  /** Add entries for the user's open tickets that the report lacks. */
  addTo(doc: Document.Parsed): void;
}

export async function jiraForNew(io: Io, checked: CheckedReport, opts: { dropDone: boolean; addMine: boolean }): Promise<JiraForNew> {
  const { config, dir } = checked.loaded;
  const setup = jiraSetup(config.jira, { env: io.env, configDir: dir, now: io.now() });
  if (!setup?.credentials) throw new UsageError("--from-jira and --drop-done need Jira: jira.url (or JIRA_URL) and JIRA_API_TOKEN (with JIRA_USER on Cloud)");
  const report = checked.report as Report;
  const carried = ticketsOf(report).map((t) => t.key);
  const facts = await fetchJiraFacts(carried, setup, { refresh: true });
  const notices = [...facts.warnings.map((w) => `warning: ${w}`)];
  const drop = new Set<string>();
  for (const [key, f] of facts.facts) {
    if (f.statusCategory !== "done") continue;
    if (opts.dropDone) drop.add(key);
    else notices.push(`${key} is ${f.status} in Jira; still carried over (--drop-done leaves done tickets out)`);
  }
  let mine: JiraIssueFacts[] = [];
  if (opts.addMine) {
    try {
      mine = (await fetchMyOpenIssues(setup)).filter((f) => !carried.includes(f.key));
    } catch (e) {
      throw new JiraError(`--from-jira: could not ask Jira for your open tickets: ${describeFailure(decodeFailure(e), setup.url)}`);
    }
    for (const f of mine) notices.push(`added ${f.key} (${f.summary}) from Jira: yours and not done`);
  }
  return { drop, notices, addTo: (doc) => addEntries(doc, mine) };
}

/** Each ticket goes into the section that holds its project's tickets, else a new section named after the project. */
function addEntries(doc: Document.Parsed, issues: JiraIssueFacts[]): void {
  const sections = doc.get("sections", true);
  if (!isSeq(sections)) return;
  for (const f of issues) {
    const project = f.key.split("-")[0]!;
    let target = sections.items.find((s) => isMap(s) && isSeq(s.get("entries", true)) && entriesOf(s).some((t) => t.startsWith(`${project}-`)));
    if (!target) {
      target = doc.createNode({ title: project, entries: [] });
      sections.items.push(target as never);
    }
    const entries = (target as { get(k: string, keep: true): unknown }).get("entries", true);
    if (isSeq(entries)) entries.items.push(doc.createNode({ ticket: f.key, progress: "none" }) as never);
  }
}

function entriesOf(section: unknown): string[] {
  const entries = isMap(section) ? section.get("entries", true) : undefined;
  if (!isSeq(entries)) return [];
  return entries.items.map((e) => (isMap(e) ? String(e.get("ticket") ?? "") : ""));
}
