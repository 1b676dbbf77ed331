// What a report asks of Jira, ticket by ticket: a comment with the entry's text this week (an
// entry about several tickets posts to each; "no progress" posts nothing unless configured;
// labels post nothing), a status to move to, a worklog. Comment texts come from the template,
// bodies in the format the site takes.
import type { Config } from "../../config/schema.js";
import type { Deployment } from "../../jira/client.js";
import { commentModels } from "../../model/comment.js";
import { keysOf } from "../../model/entry.js";
import { adfBody, wikiBody } from "../../render/jira-body.js";
import { renderComment } from "../../render/render.js";
import type { Entry, Report } from "../../report/schema.js";
import { textHash } from "./marker.js";
import { secondsOf } from "./time.js";

export interface PushItem {
  key: string;
  /** The entry's path in the report file, for messages at its line. */
  path: PropertyKey[];
  comment?: { text: string; body: unknown; hash: string };
  status?: { name: string; resolution?: string };
  worklog?: { seconds: number; spent: string };
}

export interface PushInput {
  report: Report;
  config: Config;
  weekEnding: string;
  deployment: Deployment;
  /** jira.comment_template, resolved. */
  template?: { file: string; from: { config: string; value: string } };
}

export async function pushItems(input: PushInput): Promise<PushItem[]> {
  const { report, config } = input;
  const out: PushItem[] = [];
  for (const [i, section] of report.sections.entries()) {
    for (const [j, entry] of section.entries.entries()) {
      if (keysOf(entry).length === 0) continue;
      const path = ["sections", i, "entries", j];
      const models = commentModels(entry, section, report, config, input.weekEnding);
      for (const model of models) {
        const item: PushItem = { key: model.ticket, path };
        if (saysSomething(entry, config.jira.push_no_progress)) {
          const text = await renderComment(model, input.template);
          const body = input.deployment === "cloud" ? adfBody(text) : wikiBody(text);
          item.comment = { text, body, hash: textHash(text) };
        }
        if (entry.set_status)
          item.status = { name: entry.set_status, ...(entry.resolution ? { resolution: entry.resolution } : {}) };
        // Time spent on an entry about several tickets is logged once, on the first: not once for each.
        if (entry.time_spent && model.ticket === keysOf(entry)[0]) {
          const seconds = secondsOf(entry.time_spent, config.jira.hours_per_day, config.jira.days_per_week);
          item.worklog = { seconds, spent: entry.time_spent };
        }
        if (item.comment || item.status || item.worklog) out.push(item);
      }
    }
  }
  return out;
}

/** Notes, TODOs or its own text this week; "no progress" alone only when configured. */
function saysSomething(e: Entry, noProgressToo: boolean): boolean {
  if (e.notes?.length || e.todo?.length) return true;
  if (e.text !== undefined && e.progress === undefined) return true;
  return noProgressToo && (e.progress !== undefined || e.text !== undefined);
}
