// What Jira adds to `weekly new`: carried tickets that are done (flagged, or left out with
// --drop-done) and, with --from-jira, the user's open tickets that the report lacks. Jira being
// down never stops the new week: it is written from last week's alone, with a warning.
import { type Diagnostic, info, warning } from "../core/diagnostic.js";
import { JiraError, UsageError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import type { ValidReport } from "../report/check.js";
import { ticketsOf } from "../report/tickets.js";
import { describeFailure } from "./failures.js";
import { fetchJiraFacts, fetchMyOpenIssues } from "./facts.js";
import { setupFor } from "./setup.js";
import { failureOf } from "./transport.js";

export interface JiraForNew {
  /** Carried tickets to leave out. */
  drop: Set<string>;
  /** The user's open tickets to add (current keys). */
  add: string[];
  /** Carried tickets that moved: old key → the key Jira answers with now. */
  moved: Map<string, string>;
  notices: Diagnostic[];
}

export interface ForNewOptions {
  dropDone: boolean;
  addMine: boolean;
  /** --jira-url */
  jiraUrl?: string;
}

export async function jiraForNew(io: Io, last: ValidReport, opts: ForNewOptions): Promise<JiraForNew> {
  const setup = setupFor(io, last.loaded, opts.jiraUrl);
  if (!setup?.credentials) {
    const why = setup?.notices[0]?.message ?? "jira.url (or JIRA_URL) and JIRA_API_TOKEN (with JIRA_USER on Cloud)";
    throw new UsageError(`--from-jira and --drop-done need Jira: ${why}`);
  }
  const carried = ticketsOf(last.report).map((t) => t.key);
  let facts: Awaited<ReturnType<typeof fetchJiraFacts>>;
  try {
    facts = await fetchJiraFacts(carried, setup, { refresh: true });
  } catch (e) {
    if (!(e instanceof JiraError)) throw e;
    const why = `${e.message}; the week is carried over without Jira`;
    return { drop: new Set(), add: [], moved: new Map(), notices: [warning(why)] };
  }
  const notices: Diagnostic[] = [...setup.notices, ...facts.warnings];
  const drop = new Set<string>();
  const moved = new Map<string, string>();
  // A carried ticket that moved is already here under its old key: its new key is not "missing".
  const present = new Set([...carried, ...[...facts.facts.values()].map((f) => f.key.toUpperCase())]);
  for (const [key, f] of facts.facts) {
    if (f.key.toUpperCase() !== key) {
      moved.set(key, f.key);
      notices.push(info(`${key} has moved to ${f.key} in Jira: carried over as ${f.key}`));
    }
    if (f.statusCategory !== "done") continue;
    if (opts.dropDone) drop.add(key);
    else notices.push(info(`${key} is ${f.status} in Jira; still carried over (--drop-done leaves done tickets out)`));
  }
  const add: string[] = [];
  if (opts.addMine) {
    try {
      const mine = await fetchMyOpenIssues(setup);
      notices.push(...mine.warnings);
      for (const f of mine.issues.filter((f) => !present.has(f.key.toUpperCase()))) {
        add.push(f.key);
        notices.push(info(`added ${f.key} (${f.summary}) from Jira: yours and not done`));
      }
    } catch (e) {
      const why = describeFailure(failureOf(e), setup.url);
      notices.push(
        warning(
          `--from-jira: could not ask Jira for your open tickets (${why}); the week has last week's tickets only`,
        ),
      );
    }
  }
  return { drop, add, moved, notices };
}
