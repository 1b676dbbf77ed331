// The little JQL the fake Jira understands, and how it picks issues with it. Anything else is a 400, so a client
// that starts sending new JQL finds out at once instead of getting a silently wrong answer. Understood, with
// keywords and keys case-insensitive, clauses joined by AND, and an optional ORDER BY key|updated [ASC|DESC]:
//   key in (A-1, "b-2", 10001)        key = A-1        (issuekey works too; ids are accepted like keys)
//   assignee = currentUser()
//   statusCategory = Done             statusCategory != "In Progress"   (category key, name or id)
import { CATEGORIES, categoryOf, DEFAULT_UPDATED } from "./issues.js";
import type { Category, IssueStore, StoredIssue } from "./issues.js";

type Clause =
  | { kind: "keys"; keys: string[] }
  | { kind: "mine" }
  | { kind: "category"; negate: boolean; category: Category };

export interface Jql {
  clauses: Clause[];
  order?: { field: "key" | "updated"; desc: boolean };
}

const ORDER_BY = /\s*\border\s+by\s+(key|updated)(?:\s+(asc|desc))?\s*$/i;
const KEY_IN = /^(?:issue)?key\s+in\s*\((.*)\)$/i;
const KEY_EQ = /^(?:issue)?key\s*=\s*(\S+)$/i;
const MINE = /^assignee\s*=\s*currentUser\(\s*\)$/i;
const CATEGORY = /^statusCategory\s*(!=|=)\s*(.+)$/i;
const KEY_OR_ID = /^(?:[A-Z][A-Z0-9_]*-\d+|\d+)$/i;

/** The query, or the error message a 400 should carry. */
export function parseJql(text: string): Jql | { error: string } {
  const order = ORDER_BY.exec(text);
  const where = (order ? text.slice(0, order.index) : text).trim();
  const clauses: Clause[] = [];
  for (const part of where === "" ? [] : where.split(/\s+and\s+/i)) {
    const clause = parseClause(part.trim());
    if (typeof clause === "string") return { error: clause };
    clauses.push(clause);
  }
  if (!order) return { clauses };
  const field = order[1]?.toLowerCase() === "key" ? "key" : "updated";
  return { clauses, order: { field, desc: order[2]?.toLowerCase() === "desc" } };
}

function parseClause(text: string): Clause | string {
  const keyIn = KEY_IN.exec(text);
  if (keyIn) return keysClause((keyIn[1] ?? "").split(","));
  const keyEq = KEY_EQ.exec(text);
  if (keyEq) return keysClause([keyEq[1] ?? ""]);
  if (MINE.test(text)) return { kind: "mine" };
  const category = CATEGORY.exec(text);
  if (category) return categoryClause(category[1] === "!=", unquote(category[2] ?? ""));
  return `The fake Jira does not understand the JQL clause '${text}'.`;
}

function keysClause(values: string[]): Clause | string {
  const keys = values.map(unquote);
  const bad = keys.find((key) => !KEY_OR_ID.test(key));
  // Data Center's wording for a malformed key (notes §4.6).
  return bad === undefined ? { kind: "keys", keys } : `The issue key '${bad}' for field 'key' is invalid.`;
}

function categoryClause(negate: boolean, value: string): Clause | string {
  const wanted = value.toLowerCase();
  const category = (Object.keys(CATEGORIES) as Category[]).find((key) => {
    const { id, name } = CATEGORIES[key];
    return [key, name.toLowerCase(), String(id)].includes(wanted);
  });
  if (!category) return `The value '${value}' does not exist for the field 'statusCategory'.`;
  return { kind: "category", negate, category };
}

const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, "$2");

/**
 * The matching issues (store order unless ORDER BY) and the keys named in the JQL that match no issue. A forbidden
 * issue is invisible, as Jira's permission-aware search makes it: never matched, and its key counts as missing.
 */
export function runJql(jql: Jql, store: IssueStore, me: string): { issues: StoredIssue[]; missing: string[] } {
  const named = jql.clauses.flatMap((c) => (c.kind === "keys" ? c.keys : []));
  const hidden = (issue: StoredIssue | undefined) => issue === undefined || issue.forbidden === true;
  const missing = named.filter((key) => hidden(store.find(key)));
  const shown = store.all().filter((issue) => !hidden(issue));
  const issues = shown.filter((issue) => jql.clauses.every((c) => matches(c, issue, store, me)));
  return { issues: jql.order ? sortIssues(issues, jql.order) : issues, missing };
}

function matches(clause: Clause, issue: StoredIssue, store: IssueStore, me: string): boolean {
  switch (clause.kind) {
    case "keys":
      return clause.keys.some((key) => store.find(key) === issue);
    case "mine":
      return issue.assignee === me;
    case "category":
      return (categoryOf(issue) === clause.category) !== clause.negate;
  }
}

function sortIssues(issues: StoredIssue[], order: NonNullable<Jql["order"]>): StoredIssue[] {
  const byKey = (a: StoredIssue, b: StoredIssue) => {
    const [pa = "", na = "0"] = a.key.split("-");
    const [pb = "", nb = "0"] = b.key.split("-");
    return pa.localeCompare(pb) || Number(na) - Number(nb);
  };
  const updated = (issue: StoredIssue) => issue.updated ?? DEFAULT_UPDATED;
  const byUpdated = (a: StoredIssue, b: StoredIssue) => updated(a).localeCompare(updated(b));
  const sorted = [...issues].sort(order.field === "key" ? byKey : byUpdated);
  return order.desc ? sorted.reverse() : sorted;
}
