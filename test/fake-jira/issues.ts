// The fake Jira's issues, what writes add to them (comments, worklogs, entity properties), and the IssueBean JSON
// it answers with. Shapes follow /work/shared/reference/jira-rest-notes.md §4.1; values are illustrative.
import { apiBase, DEFAULT_UPDATED, jiraNow, userJson } from "./site.js";
import type { Site } from "./site.js";
import type { Category, FakeComment, FakeIssue } from "./types.js";

export type { Category } from "./types.js";
export type { Deployment, Site } from "./site.js";
export { DEFAULT_UPDATED } from "./site.js";

export interface StoredComment {
  id: string;
  body: unknown;
  /** Display name. */
  author: string;
  created: string;
  updated: string;
  visibility?: unknown;
  properties: Map<string, unknown>;
}

export interface StoredWorklog {
  id: string;
  started: string;
  timeSpentSeconds: number;
  comment?: unknown;
  author: string;
  created: string;
  updated: string;
}

/** A copy of the FakeIssue (transitions change its status fields) plus what writes stored on it. */
export interface StoredIssue extends FakeIssue {
  id: string;
  records: { comments: StoredComment[]; worklogs: StoredWorklog[]; properties: Map<string, unknown> };
}

export interface IssueStore {
  /** In the order the issues were given. */
  all(): StoredIssue[];
  /** By id, or by current or moved key, case-insensitively (as Jira's GET issue and bulkfetch do). */
  find(idOrKey: string): StoredIssue | undefined;
  findComment(id: string): { issue: StoredIssue; comment: StoredComment } | undefined;
  /** A fresh numeric id; comments and worklogs count in separate ranges so that mixing them up is a 404. */
  nextId(kind: "comment" | "worklog"): string;
}

/** Ids default to 10000, 10001, ... in the order given. Throws when two issues share an id or key. */
export function createStore(issues: FakeIssue[], author = "Fake User"): IssueStore {
  const counters = { comment: 100000, worklog: 200000 };
  const nextId = (kind: "comment" | "worklog") => String(counters[kind]++);
  const stored = issues.map((issue, i) => storedIssue(issue, String(10000 + i)));
  const index = new Map<string, StoredIssue>();
  for (const issue of stored) {
    for (const name of [issue.id, issue.key, ...(issue.movedFrom ?? [])]) {
      if (index.has(name.toUpperCase())) throw new Error(`fake Jira: "${name}" names two issues`);
      index.set(name.toUpperCase(), issue);
    }
    issue.records.comments = (issue.comments ?? []).map((given) => seededComment(given, nextId, author));
  }
  const findComment = (id: string) => {
    for (const issue of stored) {
      const comment = issue.records.comments.find((c) => c.id === id);
      if (comment) return { issue, comment };
    }
    return undefined;
  };
  return { all: () => stored, find: (idOrKey) => index.get(idOrKey.trim().toUpperCase()), findComment, nextId };
}

function storedIssue(issue: FakeIssue, defaultId: string): StoredIssue {
  const properties = new Map(Object.entries(structuredClone(issue.properties ?? {})));
  return { ...issue, id: issue.id ?? defaultId, records: { comments: [], worklogs: [], properties } };
}

function seededComment(given: FakeComment, nextId: (kind: "comment") => string, author: string): StoredComment {
  const created = given.created ?? jiraNow();
  const properties = new Map(Object.entries(structuredClone(given.properties ?? {})));
  const body = structuredClone(given.body);
  const id = given.id ?? nextId("comment");
  return { id, body, author: given.author ?? author, created, updated: created, properties };
}

export const CATEGORIES: Record<Category, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, colorName: "yellow", name: "In Progress" },
  done: { id: 3, colorName: "green", name: "Done" },
};

/** The issue's status category: given, or guessed from the status name ("To Do" when neither is given). */
export function categoryOf(issue: Pick<FakeIssue, "status" | "statusCategory">): Category {
  if (issue.statusCategory) return issue.statusCategory;
  const status = (issue.status ?? "To Do").toLowerCase();
  if (["done", "closed", "resolved"].includes(status)) return "done";
  return ["to do", "open", "new", "backlog", "reopened"].includes(status) ? "new" : "indeterminate";
}

const FIELDS = ["summary", "status", "assignee", "resolution", "updated", "issuetype"] as const;
type Field = (typeof FIELDS)[number];
const ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

/**
 * One IssueBean with only the requested fields. `fields` is Jira's list: names, `*all`, `*navigable` (the same
 * here: every fake field is navigable), `-name` exclusions; unknown names are ignored, as Jira does. A list of just
 * `id` (the /search/jql default) gives `{id}` alone.
 */
export function issueJson(issue: StoredIssue, fields: string[], site: Site, version: string): object {
  if (fields.length === 1 && fields[0] === "id") return { id: issue.id };
  const api = apiBase(site, version);
  const every = fields.includes("*all") || fields.includes("*navigable");
  const wanted = FIELDS.filter((f) => (every || fields.includes(f)) && !fields.includes(`-${f}`));
  const values: Record<string, unknown> = Object.fromEntries(wanted.map((f) => [f, fieldJson(issue, f, site, api)]));
  // The comment field (asked for by name here): its comments as Jira lists them, without properties.
  if (fields.includes("comment")) values.comment = commentField(issue, site, api);
  return { expand: ISSUE_EXPAND, id: issue.id, self: `${api}/issue/${issue.id}`, key: issue.key, fields: values };
}

function commentField(issue: StoredIssue, site: Site, api: string) {
  const comments = issue.records.comments.map((c) => ({
    self: `${api}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: userJson(c.author, site, api),
    body: c.body,
    created: c.created,
    updated: c.updated,
  }));
  return { comments, maxResults: comments.length, total: comments.length, startAt: 0 };
}

function fieldJson(issue: StoredIssue, field: Field, site: Site, api: string): unknown {
  switch (field) {
    case "summary":
      return issue.summary;
    case "status":
      return statusJson(issue, site, api);
    case "assignee":
      return issue.assignee ? userJson(issue.assignee, site, api) : null;
    case "resolution":
      return resolutionJson(issue, api);
    case "updated":
      return issue.updated ?? DEFAULT_UPDATED;
    case "issuetype":
      return issueTypeJson(issue.issueType ?? "Task", site, api);
  }
}

// Ids of the names a fresh Jira Server ships with; other names get a stable id derived from the name.
const STATUS_IDS: Record<string, string> = {
  Open: "1",
  "In Progress": "3",
  Reopened: "4",
  Resolved: "5",
  Closed: "6",
  "To Do": "10000",
  Done: "10001",
};
const RESOLUTION_IDS: Record<string, string> = {
  Fixed: "1",
  "Won't Fix": "2",
  Duplicate: "3",
  Incomplete: "4",
  "Cannot Reproduce": "5",
  Done: "10000",
};
const ISSUETYPE_IDS: Record<string, string> = {
  Bug: "1",
  "New Feature": "2",
  Task: "3",
  Improvement: "4",
  "Sub-task": "5",
  Epic: "10000",
  Story: "10001",
};

function idOf(known: Record<string, string>, name: string): string {
  const hash = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 900, 0);
  return known[name] ?? String(10100 + hash);
}

function statusJson(issue: StoredIssue, site: Site, api: string): object {
  const key = categoryOf(issue);
  return statusNamedJson(issue.status ?? CATEGORIES[key].name, key, site, api);
}

/** A StatusDetails by name and category (also the `to` of a transition). */
export function statusNamedJson(name: string, key: Category, site: Site, api: string): object {
  const category = CATEGORIES[key];
  const id = idOf(STATUS_IDS, name);
  return {
    self: `${api}/status/${id}`,
    description: "",
    iconUrl: `${site.base}/images/icons/statuses/generic.png`,
    name,
    id,
    statusCategory: {
      self: `${api}/statuscategory/${category.id}`,
      id: category.id,
      key,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

function resolutionJson(issue: StoredIssue, api: string): object | null {
  const name = resolutionOf(issue);
  return name ? { ...resolutionRef(name, api), description: "" } : null;
}

/** The resolution name an issue shows: `resolution` absent means "Done" for a done issue, none otherwise. */
export function resolutionOf(issue: StoredIssue): string | null {
  return issue.resolution === undefined && categoryOf(issue) === "done" ? "Done" : (issue.resolution ?? null);
}

/** {self, id, name} of a resolution (also a transition screen's allowed value). */
export function resolutionRef(name: string, api: string): { self: string; id: string; name: string } {
  const id = idOf(RESOLUTION_IDS, name);
  return { self: `${api}/resolution/${id}`, id, name };
}

function issueTypeJson(name: string, site: Site, api: string): object {
  const id = idOf(ISSUETYPE_IDS, name);
  const cloudOnly = site.deployment === "cloud" ? { hierarchyLevel: name === "Epic" ? 1 : 0 } : {};
  const iconUrl = `${site.base}/images/icons/issuetypes/${name.toLowerCase().replace(/\W+/g, "")}.png`;
  const subtask = name === "Sub-task";
  return { self: `${api}/issuetype/${id}`, id, description: "", iconUrl, name, subtask, ...cloudOnly };
}
