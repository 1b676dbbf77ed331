// The members' entries merged by project section, then by ticket: one item per ticket (its key
// as Jira has it now, so a moved key joins its new one), each member's words under their name,
// their weeks in the team's order. Entries about several tickets, labels and a member's own
// paragraphs are kept as they are.
import type { Config } from "../config/schema.js";
import { browseUrl, type JiraFacts } from "../jira/types.js";
import { buildEntry, keysOf } from "../model/entry.js";
import type { Entry } from "../report/schema.js";
import type { MemberWeeks } from "./gather.js";
import type { TeamItemModel, TeamSectionModel } from "./model.js";

export interface RollupOptions {
  config: Config;
  facts: JiraFacts;
  site?: string | undefined;
  /** The period's weeks in the order the roll-up prints them. */
  weeks: readonly string[];
}

export function rollupSections(members: readonly MemberWeeks[], opts: RollupOptions): TeamSectionModel[] {
  const sections = new Map<string, { title: string | null; items: Map<string, TeamItemModel> }>();
  const current = (key: string) => opts.facts.get(key)?.key.toUpperCase() ?? key;
  for (const week of opts.weeks) {
    for (const { member, weeks } of members) {
      const report = weeks.get(week);
      if (!report) continue;
      for (const section of report.sections) {
        const id = (section.title ?? "").trim().toLowerCase();
        const into = sections.get(id) ?? {
          title: section.title?.trim() ?? null,
          items: new Map<string, TeamItemModel>(),
        };
        sections.set(id, into);
        section.entries.forEach((e, j) => {
          const keys = keysOf(e).map(current);
          if (keys.length === 0 && !e.label) {
            into.items.set(`text:${member.name}:${week}:${j}`, textItem(member.name, week, e.text ?? ""));
            return;
          }
          const itemKey = keys.length ? keys.join(",") : `label:${e.label!.toLowerCase()}`;
          const item: TeamItemModel = into.items.get(itemKey) ?? newItem(e, keys, opts);
          into.items.set(itemKey, item);
          item.summary ??= e.summary ?? null;
          let part = item.members.find((m) => m.name === member.name);
          if (!part) item.members.push((part = { name: member.name, weeks: [] }));
          part.weeks.push({ week, entry: buildEntry(e, opts.config, { facts: opts.facts }) });
        });
      }
    }
  }
  // Members in the team's order under each item; headings once every summary is known.
  const order = new Map(members.map((m, k) => [m.member.name, k]));
  return [...sections.values()].map(({ title, items }) => ({
    title,
    underline: title === null ? "" : "=".repeat([...title].length),
    items: [...items.values()].map((item) => {
      item.members.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
      return { ...item, heading: headingOf(item) };
    }),
  }));
}

function newItem(e: Entry, keys: string[], opts: RollupOptions): TeamItemModel {
  const facts = keys[0] ? opts.facts.get(keys[0]) : undefined;
  return {
    ticket: keys[0] ?? null,
    tickets: keys,
    label: keys.length ? null : e.label!,
    summary: e.summary ?? facts?.summary ?? null,
    heading: "",
    url: facts?.url ?? (keys[0] && opts.site ? browseUrl(opts.site, keys[0]) : null),
    status: facts?.status ?? null,
    members: [],
    text: null,
  };
}

const textItem = (name: string, week: string, text: string): TeamItemModel => ({
  ticket: null,
  tickets: [],
  label: null,
  summary: null,
  heading: "",
  url: null,
  status: null,
  members: [],
  text: { name, week, text: text.replace(/\n$/, "") },
});

function headingOf(item: TeamItemModel): string {
  if (item.text) return "";
  const lead = item.tickets.length ? `[${item.tickets.join(", ")}]` : `(${item.label})`;
  return item.summary ? `${lead} (${item.summary})` : lead;
}
